using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Parley.Stix.Validation;

/// <summary>Collects errors while one object is checked, with JSONPath helpers.</summary>
/// <remarks>The object is read as a <see cref="JsonElement"/>: a parsed document is read in place, without
/// building a <c>JsonObject</c> of it, which was most of the cost of checking an object. Its properties are
/// listed once; the rules look them up by name a few dozen times. What runs per object is compiled optimized at
/// once (see <see cref="StixValidator"/>'s remarks).</remarks>
internal sealed class ValidationContext
{
    private readonly List<StixValidationError> _errors;
    private readonly Dictionary<string, JsonElement> _byName;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ValidationContext(List<StixValidationError> errors, string path, JsonElement obj)
    {
        _errors = errors;
        Path = path;
        Object = obj;
        var properties = new List<(string Name, JsonElement Value)>();
        _byName = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            var name = property.Name;
            properties.Add((name, property.Value));
            _byName[name] = property.Value; // a repeated name: the last one, as TryGetProperty reads it
        }

        Properties = properties;
        var type = TryGet("type", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        Type = type ?? string.Empty;
        var category = StixTypes.CategoryOf(type);
        Category = category != StixObjectCategory.Unknown || type is null ? category : StixTypes.CategoryOf(obj);
    }

    public JsonElement Object { get; }

    /// <summary>The object's properties, in the order they were sent.</summary>
    public IReadOnlyList<(string Name, JsonElement Value)> Properties { get; }

    public string Path { get; }

    public string Type { get; }

    public StixObjectCategory Category { get; }

    public void Add(string relativePath, string message) => _errors.Add(new StixValidationError(relativePath, message));

    public string At(string property) => Child(Path, property);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Child(string path, string property)
    {
        var plain = property.Length > 0 && IsWordCharacters(property);
        return plain ? $"{path}.{property}" : $"{path}['{property.Replace("'", "\\'")}']";
    }

    /// <summary>Whether the text is only a-z, A-Z, 0-9 and underscore (a loop: this runs for every property of every object).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    public bool Has(string property) => _byName.ContainsKey(property);

    /// <summary>The property's value, when the object has it.</summary>
    public bool TryGet(string property, out JsonElement value) => _byName.TryGetValue(property, out value);

    /// <summary>The property as a string; reports an error when it is present but not a string.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string? String(string property)
    {
        if (!TryGet(property, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        Add(At(property), $"must be a string, not {Describe(value)}");
        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Require(string property)
    {
        if (!Has(property))
        {
            Add(At(property), $"is required for {Article(Type)} {Type}");
        }
    }

    /// <summary>A timestamp property; reports an error when it is present and malformed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
        if (!TryGet(property, out var value))
        {
            return;
        }

        // Read the number from its JSON text: 1.0 and 1e2 are numbers but not integers.
        if (value.ValueKind != JsonValueKind.Number ||
            !long.TryParse(value.GetRawText(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            Add(At(property), $"must be an integer, not {Describe(value)}");
        }
        else if (number < min || number > max)
        {
            Add(At(property), $"{number} is out of range: it must be between {min} and {max}");
        }
    }

    public void Boolean(string property)
    {
        if (TryGet(property, out var value) && value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Add(At(property), $"must be a boolean, not {Describe(value)}");
        }
    }

    /// <summary>A non-empty list of strings; reports an error when it is present and is not one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void StringList(string property)
    {
        if (!TryGet(property, out var value))
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            Add(At(property), "must be a non-empty list");
            return;
        }

        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                Add(Index(At(property), i), $"must be a string, not {Describe(item)}");
            }

            i++;
        }
    }

    public static string Describe(JsonElement value) => StixJson.Describe(value.ValueKind);

    private static string Article(string word) => word.Length > 0 && "aeiou".Contains(word[0]) ? "an" : "a";
}
