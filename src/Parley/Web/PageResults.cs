using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Parley.Web;

/// The pages call the same handlers as the API, so a page can never allow what the API refuses. This
/// turns a handler's refusal into what a page shows: field errors next to the fields, or a message.
public static class PageResults
{
    /// Copies validation errors into the model state (keyed by the API's field names); returns the
    /// problem's status and text for anything else that was refused, or null when the handler succeeded.
    public static (int Status, string Title, string? Detail)? Refusal(IResult result, ModelStateDictionary modelState, string prefix = "")
    {
        switch (result)
        {
            case ValidationProblem v:
                foreach (var (field, messages) in v.ProblemDetails.Errors)
                    foreach (var message in messages) modelState.AddModelError(prefix + field, message);
                return (400, v.ProblemDetails.Title ?? "Invalid input", null);
            case ProblemHttpResult p:
                return (p.StatusCode, p.ProblemDetails.Title ?? "Refused", p.ProblemDetails.Detail);
            case NotFound:
                return (404, "Not found", null);
            case IStatusCodeHttpResult { StatusCode: >= 400 } s:
                return (s.StatusCode!.Value, "Refused", null);
            default:
                return null;
        }
    }
}
