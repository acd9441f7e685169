using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Parley.Web;

/// ASP.NET Core's own messages for a form value it cannot bind (e.g. "abc" posted for a number), in the reader's
/// language: each is looked up in the shared resource when the error is made, under the request's UI culture.
/// The keys are ASP.NET Core's English texts, so an English page reads as before.
public sealed class LocalizedBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    private const string MissingBindRequiredValue = "A value for the '{0}' parameter or property was not provided.";
    private const string MissingKeyOrValue = "A value is required.";
    private const string MissingRequestBody = "A non-empty request body is required.";
    private const string ValueIsInvalid = "The value '{0}' is invalid.";
    private const string AttemptedValueIsInvalid = "The value '{0}' is not valid for {1}.";
    private const string NonPropertyAttemptedValueIsInvalid = "The value '{0}' is not valid.";
    private const string UnknownValueIsInvalid = "The supplied value is invalid for {0}.";
    private const string NonPropertyUnknownValueIsInvalid = "The supplied value is invalid.";
    private const string ValueMustBeANumber = "The field {0} must be a number.";
    private const string NonPropertyValueMustBeANumber = "The field must be a number.";

    /// Every message this sets; each needs a zh-Hans translation.
    public static readonly IReadOnlyList<string> Templates =
    [
        MissingBindRequiredValue, MissingKeyOrValue, MissingRequestBody, ValueIsInvalid, AttemptedValueIsInvalid,
        NonPropertyAttemptedValueIsInvalid, UnknownValueIsInvalid, NonPropertyUnknownValueIsInvalid, ValueMustBeANumber,
        NonPropertyValueMustBeANumber,
    ];

    public void Configure(MvcOptions options)
    {
        var t = factory.Create(typeof(SharedResource));
        var messages = options.ModelBindingMessageProvider;
        messages.SetMissingBindRequiredValueAccessor(name => t[MissingBindRequiredValue, name]);
        messages.SetMissingKeyOrValueAccessor(() => t[MissingKeyOrValue]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => t[MissingRequestBody]);
        messages.SetValueMustNotBeNullAccessor(value => t[ValueIsInvalid, value]);
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => t[AttemptedValueIsInvalid, value, field]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => t[NonPropertyAttemptedValueIsInvalid, value]);
        messages.SetUnknownValueIsInvalidAccessor(field => t[UnknownValueIsInvalid, field]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => t[NonPropertyUnknownValueIsInvalid]);
        messages.SetValueIsInvalidAccessor(value => t[ValueIsInvalid, value]);
        messages.SetValueMustBeANumberAccessor(field => t[ValueMustBeANumber, field]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => t[NonPropertyValueMustBeANumber]);
    }
}
