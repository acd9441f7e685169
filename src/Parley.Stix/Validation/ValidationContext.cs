using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parley.Stix.Validation;

/// <summary>Collects errors while one object is checked, with JSONPath helpers.</summary>
internal sealed class ValidationContext(List<StixValidationError> errors, string path, JsonObject obj)
{
    public JsonObject Object { get; } = obj;

    public string Path { get; } = path;

    public string Type { get; } = StixJson.GetString(obj, "type") ?? string.Empty;

    public StixObjectCategory Category { get; } = StixTypes.CategoryOf(obj);

    public void Add(string relativePath, string message) => errors.Add(new StixValidationError(relativePath, message));

    public string At(string property) => Child(Path, property);

    public static string Child(string path, string property)
    {
        var plain = property.Length > 0 && IsWordCharacters(property);
        return plain ? $"{path}.{property}" : $"{path}['{property.Replace("'", "\\'")}']";
    }

    /// <summary>Whether the text is only a-z, A-Z, 0-9 and underscore (a loop: this runs for every property of every object).</summary>
    public static bool IsWordCharacters(string text)
    {
        foreach (var ch in text)
        {
            if (!char.IsAsciiLetterOrDigit(ch) && ch != '_')
            {
                return false;
            }
        }

        return true;
    }

    public static string Index(string path, int index) => $"{path}[{index}]";

    public bool Has(string property) => Object.ContainsKey(property);

    /// <summary>The property as a string; reports an error when it is present but not a string.</summary>
    public string? String(string property)
    {
        if (!Object.TryGetPropertyValue(property, out var node))
        {
            return null;
        }

        if (StixJson.IsString(node))
        {
            return node!.GetValue<string>();
        }

        Add(At(property), $"must be a string, not {Describe(node)}");
        return null;
    }

    public void Require(string property)
    {
        if (!Object.ContainsKey(property))
        {
            Add(At(property), $"is required for {Article(Type)} {Type}");
        }
    }

    /// <summary>A timestamp property; reports an error when it is present and malformed.</summary>
    public StixTimestamp? Timestamp(string property, bool requireMilliseconds = false)
    {
        var text = String(property);
        if (text is null)
        {
            return null;
        }

        if (!StixTimestamp.TryParse(text, out var timestamp))
        {
            Add(At(property), $"'{text}' is not an RFC 3339 UTC timestamp (YYYY-MM-DDTHH:mm:ss[.s+]Z)");
            return null;
        }

        if (requireMilliseconds && timestamp.FractionDigits < 3)
        {
            Add(At(property), $"'{text}' must be precise to at least the millisecond (e.g. 2016-05-12T08:17:27.000Z)");
        }

        return timestamp;
    }

    /// <summary>Reports an error when <paramref name="later"/> is before <paramref name="earlier"/>.</summary>
    public void NotBefore(string laterProperty, StixTimestamp? later, string earlierProperty, StixTimestamp? earlier, bool strictly = false)
    {
        if (later is { } l && earlier is { } e && (strictly ? l <= e : l < e))
        {
            Add(At(laterProperty), $"'{l.Text}' must be {(strictly ? "later than" : "later than or equal to")} {earlierProperty} '{e.Text}'");
        }
    }

    public void Integer(string property, long min, long max)
    {
        if (!Object.TryGetPropertyValue(property, out var node))
        {
            return;
        }

        // Read the number from its JSON text: values may be backed by a JsonElement or by a CLR number.
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number ||
            !long.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            Add(At(property), $"must be an integer, not {Describe(node)}");
        }
        else if (number < min || number > max)
        {
            Add(At(property), $"{number} is out of range: it must be between {min} and {max}");
        }
    }

    public void Boolean(string property)
    {
        if (Object.TryGetPropertyValue(property, out var node) &&
            (node is not JsonValue value || value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)))
        {
            Add(At(property), $"must be a boolean, not {Describe(node)}");
        }
    }

    /// <summary>A non-empty list of strings; reports an error when it is present and is not one.</summary>
    public void StringList(string property)
    {
        if (!Object.TryGetPropertyValue(property, out var node))
        {
            return;
        }

        if (node is not JsonArray array || array.Count == 0)
        {
            Add(At(property), "must be a non-empty list");
            return;
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (!StixJson.IsString(array[i]))
            {
                Add(Index(At(property), i), $"must be a string, not {Describe(array[i])}");
            }
        }
    }

    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue v => StixJson.Describe(v.GetValueKind()),
        _ => "an unknown value",
    };

    private static string Article(string word) => word.Length > 0 && "aeiou".Contains(word[0]) ? "an" : "a";
}
