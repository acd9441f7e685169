using System.Runtime.CompilerServices;

namespace Parley.Stix;

/// <summary>
/// A STIX identifier, <c>type--UUID</c>: the object type, two hyphens, and an RFC 4122 UUID.
/// </summary>
/// <remarks>This type is an immutable value and is safe to share between threads.</remarks>
public readonly record struct StixIdentifier
{
    private StixIdentifier(string value, string type, Guid uuid)
    {
        Value = value;
        Type = type;
        Uuid = uuid;
    }

    /// <summary>The identifier as text, exactly as it was parsed.</summary>
    public string Value { get; }

    /// <summary>The object type, the part before <c>--</c>.</summary>
    public string Type { get; }

    /// <summary>The UUID, the part after <c>--</c>.</summary>
    public Guid Uuid { get; }

    /// <summary>Parses an identifier.</summary>
    /// <param name="value">The identifier, for example <c>indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f</c>.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="FormatException">The value is not a STIX identifier; the message says why.</exception>
    public static StixIdentifier Parse(string value) =>
        TryParse(value, out var id, out var error) ? id : throw new FormatException(error);

    /// <summary>Tries to parse an identifier.</summary>
    /// <param name="value">The text to parse.</param>
    /// <param name="id">The identifier, when the text is one.</param>
    /// <returns>Whether the text is a STIX identifier.</returns>
    public static bool TryParse(string? value, out StixIdentifier id) => TryParse(value, out id, out _);

    /// <summary>Tries to parse an identifier, saying why it is not one.</summary>
    /// <param name="value">The text to parse.</param>
    /// <param name="id">The identifier, when the text is one.</param>
    /// <param name="error">Why the text is not an identifier, when it is not.</param>
    /// <returns>Whether the text is a STIX identifier.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(string? value, out StixIdentifier id, out string? error)
    {
        id = default;
        error = null;
        if (string.IsNullOrEmpty(value))
        {
            error = "an identifier must be a non-empty string of the form type--UUID";
            return false;
        }

        var separator = value.IndexOf("--", StringComparison.Ordinal);
        if (separator < 0)
        {
            error = $"'{value}' is not of the form type--UUID";
            return false;
        }

        var type = value[..separator];
        var uuid = value.AsSpan(separator + 2);
        if (!StixTypes.IsValidTypeName(type))
        {
            error = $"'{type}' is not a valid STIX type name (3-250 characters: a-z, 0-9 and single hyphens)";
            return false;
        }

        if (!IsRfc4122(uuid, out var guid))
        {
            error = $"'{uuid}' is not an RFC 4122 UUID (8-4-4-4-12 hex digits, version 1-5, variant 10xx)";
            return false;
        }

        id = new StixIdentifier(value, type, guid);
        return true;
    }

    /// <summary>Makes a new identifier with a random (version 4) UUID.</summary>
    /// <param name="type">The object type.</param>
    /// <returns>The identifier.</returns>
    public static StixIdentifier NewRandom(string type)
    {
        if (!StixTypes.IsValidTypeName(type))
        {
            throw new ArgumentException($"'{type}' is not a valid STIX type name.", nameof(type));
        }

        var uuid = Guid.NewGuid();
        return new StixIdentifier($"{type}--{uuid:D}", type, uuid);
    }

    /// <summary>Returns <see cref="Value"/>.</summary>
    /// <returns>The identifier as text.</returns>
    public override string ToString() => Value ?? string.Empty;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsRfc4122(ReadOnlySpan<char> text, out Guid guid)
    {
        guid = default;
        if (text.Length != 36 || text[8] != '-' || text[13] != '-' || text[18] != '-' || text[23] != '-')
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c != '-' && !char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        // Version nibble 1-5 (the versions RFC 4122 defines) and variant bits 10xx (8, 9, a, b).
        var version = text[14];
        var variant = char.ToLowerInvariant(text[19]);
        if (version is < '1' or > '5' || variant is not ('8' or '9' or 'a' or 'b'))
        {
            return false;
        }

        return Guid.TryParseExact(text, "D", out guid);
    }
}
