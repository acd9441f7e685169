namespace Parley.Web;

public static class FieldErrors
{
    /// Whether a model-state key (an API field name such as "subject" or "indicators[0].value", in any
    /// case, since form binding capitalises it) belongs to the given form field.
    public static bool Matches(string key, string field) =>
        key.Equals(field, StringComparison.OrdinalIgnoreCase) || key.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase);
}
