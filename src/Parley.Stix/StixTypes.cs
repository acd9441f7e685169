using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parley.Stix;

/// <summary>The object types STIX 2.1 defines, and how an object is put in a <see cref="StixObjectCategory"/>.</summary>
public static class StixTypes
{
    /// <summary>The STIX 2.1 Domain Object types.</summary>
    public static readonly FrozenSet<string> DomainObjects = FrozenSet.Create(StringComparer.Ordinal,
        "attack-pattern", "campaign", "course-of-action", "grouping", "identity", "incident", "indicator",
        "infrastructure", "intrusion-set", "location", "malware", "malware-analysis", "note", "observed-data",
        "opinion", "report", "threat-actor", "tool", "vulnerability");

    /// <summary>The STIX 2.1 Relationship Object types.</summary>
    public static readonly FrozenSet<string> RelationshipObjects = FrozenSet.Create(StringComparer.Ordinal,
        "relationship", "sighting");

    /// <summary>The STIX 2.1 Cyber-observable Object types.</summary>
    public static readonly FrozenSet<string> CyberObservables = FrozenSet.Create(StringComparer.Ordinal,
        "artifact", "autonomous-system", "directory", "domain-name", "email-addr", "email-message", "file",
        "ipv4-addr", "ipv6-addr", "mac-addr", "mutex", "network-traffic", "process", "software", "url",
        "user-account", "windows-registry-key", "x509-certificate");

    /// <summary>Whether the type is one the STIX 2.1 specification defines (including the meta objects and bundle).</summary>
    /// <param name="type">The object type.</param>
    /// <returns><see langword="true"/> for a predefined type, <see langword="false"/> for a custom one.</returns>
    public static bool IsPredefined(string type) =>
        DomainObjects.Contains(type) || RelationshipObjects.Contains(type) || CyberObservables.Contains(type) ||
        type is "marking-definition" or "language-content" or "extension-definition" or "bundle";

    /// <summary>
    /// Whether a type name is allowed: 3 to 250 characters of a–z, 0–9 and hyphens, starting with a
    /// letter, not ending with a hyphen, with no two hyphens in a row.
    /// </summary>
    /// <param name="type">The candidate type name.</param>
    /// <returns>Whether it can be used as a STIX type.</returns>
    public static bool IsValidTypeName(string? type)
    {
        if (type is null || type.Length is < 3 or > 250 || !char.IsAsciiLetterLower(type[0]) || type[^1] == '-')
        {
            return false;
        }

        for (var i = 1; i < type.Length; i++)
        {
            var c = type[i];
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') || (c == '-' && type[i - 1] == '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The category of a predefined type, or <see cref="StixObjectCategory.Unknown"/> for a custom one.</summary>
    /// <param name="type">The object type.</param>
    /// <returns>The category.</returns>
    public static StixObjectCategory CategoryOf(string? type) => type switch
    {
        null => StixObjectCategory.Unknown,
        "marking-definition" => StixObjectCategory.MarkingDefinition,
        "language-content" => StixObjectCategory.LanguageContent,
        "extension-definition" => StixObjectCategory.ExtensionDefinition,
        "bundle" => StixObjectCategory.Bundle,
        _ when DomainObjects.Contains(type) => StixObjectCategory.DomainObject,
        _ when RelationshipObjects.Contains(type) => StixObjectCategory.RelationshipObject,
        _ when CyberObservables.Contains(type) => StixObjectCategory.CyberObservable,
        _ => StixObjectCategory.Unknown,
    };

    /// <summary>
    /// The category of an object. Custom types are placed by the extension that defines them
    /// (<c>new-sdo</c>, <c>new-sro</c>, <c>new-sco</c>) or, failing that, as an SDO when they carry
    /// <c>created</c> and as an SCO otherwise (SCOs have no <c>created</c>).
    /// </summary>
    /// <param name="obj">The object.</param>
    /// <returns>The category.</returns>
    public static StixObjectCategory CategoryOf(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var type = StixJson.GetString(obj, "type");
        var category = CategoryOf(type);
        if (category != StixObjectCategory.Unknown || type is null)
        {
            return category;
        }

        var extensionTypes = obj["extensions"] is JsonObject extensions
            ? extensions.Select(e => e.Value is JsonObject x ? StixJson.GetString(x, "extension_type") : null)
            : [];
        return CustomCategory(extensionTypes, obj.ContainsKey("created"));
    }

    /// <inheritdoc cref="CategoryOf(JsonObject)"/>
    /// <param name="obj">The object's JSON.</param>
    internal static StixObjectCategory CategoryOf(JsonElement obj)
    {
        var type = StixJson.GetString(obj, "type");
        var category = CategoryOf(type);
        if (category != StixObjectCategory.Unknown || type is null)
        {
            return category;
        }

        var extensionTypes = StixJson.TryGet(obj, "extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object
            ? extensions.EnumerateObject().Select(e => StixJson.TryGet(e.Value, "extension_type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null)
            : [];
        return CustomCategory(extensionTypes, obj.TryGetProperty("created", out _));
    }

    private static StixObjectCategory CustomCategory(IEnumerable<string?> extensionTypes, bool hasCreated)
    {
        foreach (var extensionType in extensionTypes)
        {
            switch (extensionType)
            {
                case "new-sdo": return StixObjectCategory.DomainObject;
                case "new-sro": return StixObjectCategory.RelationshipObject;
                case "new-sco": return StixObjectCategory.CyberObservable;
            }
        }

        return hasCreated ? StixObjectCategory.DomainObject : StixObjectCategory.CyberObservable;
    }
}
