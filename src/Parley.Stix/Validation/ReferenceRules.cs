using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Parley.Stix.Validation;

/// <summary>
/// Checks every <c>*_ref</c> and <c>*_refs</c> property, at any depth, holds identifiers of a type
/// the property can point to (STIX 2.1 §2.9 and the property tables of each object).
/// </summary>
internal static class ReferenceRules
{
    private static readonly FrozenSet<string> Sdo = StixTypes.DomainObjects;
    private static readonly FrozenSet<string> Sco = StixTypes.CyberObservables;
    private static readonly string[] Identity = ["identity"];
    private static readonly string[] Marking = ["marking-definition"];
    private static readonly string[] Software = ["software"];
    private static readonly string[] Artifact = ["artifact"];
    private static readonly string[] EmailAddr = ["email-addr"];
    private static readonly string[] NetworkTraffic = ["network-traffic"];
    private static readonly string[] UserAccount = ["user-account"];
    private static readonly string[] Process = ["process"];

    // Property name → allowed target types, for properties that mean the same on every object.
    private static readonly FrozenDictionary<string, Allowed> ByProperty = new Dictionary<string, Allowed>
    {
        ["created_by_ref"] = Types(Identity),
        ["object_marking_refs"] = Types(Marking),
        ["marking_ref"] = Types(Marking),
        ["sighting_of_ref"] = new("an SDO", t => Sdo.Contains(t) || !StixTypes.IsPredefined(t)),
        ["observed_data_refs"] = Types(["observed-data"]),
        ["where_sighted_refs"] = Types(["identity", "location"]),
        ["source_ref"] = RelationshipEnd(),
        ["target_ref"] = RelationshipEnd(),
        ["sample_refs"] = Types(["file", "artifact"]),
        ["sample_ref"] = Types(["file", "artifact", "network-traffic"]),
        ["operating_system_refs"] = Types(Software),
        ["operating_system_ref"] = Types(Software),
        ["installed_software_refs"] = Types(Software),
        ["host_vm_ref"] = Types(Software),
        ["analysis_sco_refs"] = new("an SCO", t => Sco.Contains(t) || !StixTypes.IsPredefined(t)),
        ["belongs_to_refs"] = Types(["autonomous-system"]),
        ["belongs_to_ref"] = Types(UserAccount),
        ["parent_directory_ref"] = Types(["directory"]),
        ["content_ref"] = Types(Artifact),
        ["from_ref"] = Types(EmailAddr),
        ["sender_ref"] = Types(EmailAddr),
        ["to_refs"] = Types(EmailAddr),
        ["cc_refs"] = Types(EmailAddr),
        ["bcc_refs"] = Types(EmailAddr),
        ["raw_email_ref"] = Types(Artifact),
        ["body_raw_ref"] = Types(["artifact", "file"]),
        ["src_ref"] = Types(["ipv4-addr", "ipv6-addr", "mac-addr", "domain-name"]),
        ["dst_ref"] = Types(["ipv4-addr", "ipv6-addr", "mac-addr", "domain-name"]),
        ["src_payload_ref"] = Types(Artifact),
        ["dst_payload_ref"] = Types(Artifact),
        ["encapsulates_refs"] = Types(NetworkTraffic),
        ["encapsulated_by_ref"] = Types(NetworkTraffic),
        ["opened_connection_refs"] = Types(NetworkTraffic),
        ["creator_user_ref"] = Types(UserAccount),
        ["image_ref"] = Types(["file"]),
        ["parent_ref"] = Types(Process),
        ["child_refs"] = Types(Process),
        ["object_ref"] = new("an object that is not a bundle or language-content", t => t is not ("bundle" or "language-content")),
        ["object_refs"] = new("a STIX object (not a bundle)", t => t != "bundle"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // (object type, property) → allowed types, where the meaning depends on the object.
    private static readonly FrozenDictionary<(string, string), Allowed> ByTypeAndProperty = new Dictionary<(string, string), Allowed>
    {
        [("observed-data", "object_refs")] = new("an SCO or SRO", t => Sco.Contains(t) || t is "relationship" or "sighting" || !StixTypes.IsPredefined(t)),
        [("ipv4-addr", "resolves_to_refs")] = Types(["mac-addr"]),
        [("ipv6-addr", "resolves_to_refs")] = Types(["mac-addr"]),
        [("domain-name", "resolves_to_refs")] = Types(["ipv4-addr", "ipv6-addr", "domain-name"]),
        [("directory", "contains_refs")] = Types(["file", "directory"]),
        [("file", "contains_refs")] = new("an SCO", t => Sco.Contains(t) || !StixTypes.IsPredefined(t)),
    }.ToFrozenDictionary();

    public static void Check(ValidationContext c) => Walk(c, c.Type, c.Properties, c.Path);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Walk(ValidationContext c, string objectType, IEnumerable<(string Name, JsonElement Value)> properties, string path)
    {
        // Paths are built only for properties that are checked or walked into: most properties are
        // plain values, and a path string for each of them was a good part of a valid object's cost.
        foreach (var (name, value) in properties)
        {
            var single = name.EndsWith("_ref", StringComparison.Ordinal);
            var many = name.EndsWith("_refs", StringComparison.Ordinal);
            if (single || many)
            {
                var allowed = ByTypeAndProperty.GetValueOrDefault((objectType, name)) ?? ByProperty.GetValueOrDefault(name);
                if (single)
                {
                    One(c, name, value, path, name, 0, allowed);
                }
                else
                {
                    Many(c, name, value, ValidationContext.Child(path, name), allowed);
                }

                continue;
            }

            if (objectType == "observed-data" && name == "objects")
            {
                // The deprecated embedded objects refer to each other by dictionary key, not by id.
                continue;
            }

            // Nested structures carry references too: email-message body_multipart[*].body_raw_ref,
            // extensions.*.contains_refs, granular_markings[*].marking_ref, …
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    Walk(c, objectType, PropertiesOf(value), ValidationContext.Child(path, name));
                    break;
                case JsonValueKind.Array:
                    string? childPath = null;
                    var i = 0;
                    foreach (var element in value.EnumerateArray())
                    {
                        if (element.ValueKind == JsonValueKind.Object)
                        {
                            childPath ??= ValidationContext.Child(path, name);
                            Walk(c, objectType, PropertiesOf(element), ValidationContext.Index(childPath, i));
                        }

                        i++;
                    }

                    break;
            }
        }
    }

    private static IEnumerable<(string Name, JsonElement Value)> PropertiesOf(JsonElement obj) =>
        obj.EnumerateObject().Select(p => (p.Name, p.Value));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Many(ValidationContext c, string name, JsonElement value, string path, Allowed? allowed)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            c.Add(path, $"{name} must be a non-empty list of identifiers");
            return;
        }

        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            One(c, name, item, path, null, i++, allowed);
        }
    }

    /// <summary>Checks one identifier; its path, <paramref name="parent"/> then <paramref name="property"/> or else <paramref name="index"/>, is built only for an error.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void One(ValidationContext c, string name, JsonElement value, string parent, string? property, int index, Allowed? allowed)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            c.Add(PathOf(parent, property, index), $"must be an identifier string, not {ValidationContext.Describe(value)}");
            return;
        }

        var text = value.GetString()!;
        if (!StixIdentifier.TryParse(text, out var id, out var error))
        {
            c.Add(PathOf(parent, property, index), error!);
        }
        else if (allowed is not null && !allowed.Accepts(id.Type))
        {
            c.Add(PathOf(parent, property, index), $"{name} must reference {allowed.Description}, not {id.Type} ('{text}')");
        }
    }

    private static string PathOf(string parent, string? property, int index) =>
        property is null ? ValidationContext.Index(parent, index) : ValidationContext.Child(parent, property);

    private static Allowed Types(string[] types) =>
        new(types.Length == 1 ? $"{Article(types[0])} {types[0]}" : $"one of {string.Join(", ", types)}", types.Contains);

    private static Allowed RelationshipEnd() =>
        new("an SDO or SCO", t => t is not ("relationship" or "sighting" or "bundle" or "marking-definition" or "language-content" or "extension-definition"));

    private static string Article(string word) => "aeiou".Contains(word[0]) ? "an" : "a";

    private sealed record Allowed(string Description, Func<string, bool> Accepts);
}
