using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parley.Requests;

public static class RequestJson
{
    /// Enums travel as kebab-case strings (investigative-assistance, awaiting-clarification); numbers are refused.
    public static JsonStringEnumConverter EnumConverter => new(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false);

    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(EnumConverter);
        options.Converters.Add(new NoNulStrings());
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        return options;
    }
}
