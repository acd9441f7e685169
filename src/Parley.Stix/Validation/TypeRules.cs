using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Parley.Stix.Patterning;

namespace Parley.Stix.Validation;

/// <summary>Properties each STIX 2.1 type requires, and the rules of a few types that matter to Parley.</summary>
internal static class TypeRules
{
    private static readonly FrozenDictionary<string, string[]> Required = new Dictionary<string, string[]>
    {
        ["attack-pattern"] = ["name"],
        ["campaign"] = ["name"],
        ["course-of-action"] = ["name"],
        ["grouping"] = ["context", "object_refs"],
        ["identity"] = ["name"],
        ["incident"] = ["name"],
        ["indicator"] = ["pattern", "pattern_type", "valid_from"],
        ["infrastructure"] = ["name"],
        ["intrusion-set"] = ["name"],
        ["malware"] = ["is_family"],
        ["malware-analysis"] = ["product"],
        ["note"] = ["content", "object_refs"],
        ["observed-data"] = ["first_observed", "last_observed", "number_observed"],
        ["opinion"] = ["opinion", "object_refs"],
        ["report"] = ["name", "published", "object_refs"],
        ["threat-actor"] = ["name"],
        ["tool"] = ["name"],
        ["vulnerability"] = ["name"],
        ["relationship"] = ["relationship_type", "source_ref", "target_ref"],
        ["sighting"] = ["sighting_of_ref"],
        ["language-content"] = ["object_ref", "contents"],
        ["extension-definition"] = ["name", "schema", "version", "extension_types", "created_by_ref"],
        ["autonomous-system"] = ["number"],
        ["directory"] = ["path"],
        ["domain-name"] = ["value"],
        ["email-addr"] = ["value"],
        ["email-message"] = ["is_multipart"],
        ["ipv4-addr"] = ["value"],
        ["ipv6-addr"] = ["value"],
        ["mac-addr"] = ["value"],
        ["mutex"] = ["name"],
        ["network-traffic"] = ["protocols"],
        ["software"] = ["name"],
        ["url"] = ["value"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Check(ValidationContext c)
    {
        if (Required.TryGetValue(c.Type, out var required))
        {
            foreach (var property in required)
            {
                c.Require(property);
            }
        }

        switch (c.Type)
        {
            case "indicator": Indicator(c); break;
            case "observed-data": ObservedData(c); break;
            case "sighting": Sighting(c); break;
            case "relationship": Relationship(c); break;
            case "malware": Malware(c); break;
            case "intrusion-set" or "threat-actor" or "campaign":
                c.StringList("aliases");
                c.NotBefore("last_seen", c.Timestamp("last_seen"), "first_seen", c.Timestamp("first_seen"));
                break;
            case "report": c.Timestamp("published"); c.StringList("object_refs"); break;
            case "grouping" or "note" or "opinion": c.StringList("object_refs"); break;
            case "file" when !c.Has("name") && !c.Has("hashes"):
                c.Add(c.Path, "a file must have at least one of name and hashes");
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Indicator(ValidationContext c)
    {
        var patternType = c.String("pattern_type");
        var pattern = c.String("pattern");
        c.StringList("indicator_types");
        var from = c.Timestamp("valid_from");
        var until = c.Timestamp("valid_until");
        c.NotBefore("valid_until", until, "valid_from", from, strictly: true);
        if (patternType == "stix" && pattern is not null && !StixPattern.TryParse(pattern, out _, out var error))
        {
            c.Add(c.At("pattern"), $"is not a valid STIX pattern: {error!.Message}");
        }
    }

    private static void ObservedData(ValidationContext c)
    {
        var first = c.Timestamp("first_observed");
        var last = c.Timestamp("last_observed");
        c.NotBefore("last_observed", last, "first_observed", first);
        c.Integer("number_observed", 1, 999_999_999);
        c.StringList("object_refs");
        if (c.Has("objects") == c.Has("object_refs"))
        {
            c.Add(c.Path, "observed-data must have exactly one of object_refs and objects (objects is deprecated in STIX 2.1)");
        }
    }

    private static void Sighting(ValidationContext c)
    {
        var first = c.Timestamp("first_seen");
        var last = c.Timestamp("last_seen");
        c.NotBefore("last_seen", last, "first_seen", first);
        c.Integer("count", 0, 999_999_999);
        c.Boolean("summary");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Relationship(ValidationContext c)
    {
        var type = c.String("relationship_type");
        if (type is not null && (type.Length == 0 || !type.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '-')))
        {
            c.Add(c.At("relationship_type"), $"'{type}' must use only a-z, 0-9 and hyphens");
        }

        var start = c.Timestamp("start_time");
        var stop = c.Timestamp("stop_time");
        c.NotBefore("stop_time", stop, "start_time", start, strictly: true);
    }

    private static void Malware(ValidationContext c)
    {
        c.Boolean("is_family");
        if (c.TryGet("is_family", out var isFamily) && isFamily.ValueKind == System.Text.Json.JsonValueKind.True && !c.Has("name"))
        {
            c.Add(c.At("name"), "is required when is_family is true");
        }
    }
}
