using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Parley.Web;

/// After a page handler ran, puts every field error it collected (the API handler's refusals copied by
/// <see cref="PageResults.Refusal"/> and the page's own) into the reader's language, in one place.
public sealed class TranslatedFieldErrors(IStringLocalizer<SharedResource> t) : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context) { }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context) { }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context) => Translate(context.ModelState, t);

    public static void Translate(ModelStateDictionary modelState, IStringLocalizer localizer)
    {
        foreach (var entry in modelState.Values)
        {
            var errors = entry.Errors.ToList();
            if (errors.All(e => e.Exception is not null)) continue;
            entry.Errors.Clear();
            foreach (var error in errors)
                entry.Errors.Add(error.Exception is null ? new ModelError(ValidationMessages.Translate(error.ErrorMessage, localizer)) : error);
        }
    }
}
