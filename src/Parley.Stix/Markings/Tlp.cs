using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace Parley.Stix.Markings;

/// <summary>
/// The official TLP marking definitions: TLP 2.0 (published by OASIS with the STIX 2.1 TLP 2.0
/// extension definition) and TLP 1.0 (predefined in STIX 2.1 section 7.2.1.4).
/// </summary>
/// <remarks>All members are immutable and safe to use from any thread.</remarks>
public static class Tlp
{
    /// <summary>The id of the extension definition through which TLP 2.0 markings declare their level.</summary>
    public const string Tlp2ExtensionDefinitionId = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

    /// <summary>The <c>created</c> timestamp of every TLP 2.0 marking definition.</summary>
    public const string Tlp2Created = "2022-10-01T00:00:00.000Z";

    /// <summary>The <c>created</c> timestamp of every TLP 1.0 marking definition.</summary>
    public const string Tlp1Created = "2017-01-20T00:00:00.000Z";

    /// <summary>TLP:CLEAR (TLP 2.0).</summary>
    public static readonly TlpMarking Clear = V2("94868c89-83c2-464b-929b-a1a8aa3c8487", TlpLevel.Clear, "clear", "TLP:CLEAR");

    /// <summary>TLP:GREEN (TLP 2.0).</summary>
    public static readonly TlpMarking Green = V2("bab4a63c-aed9-4cf5-a766-dfca5abac2bb", TlpLevel.Green, "green", "TLP:GREEN");

    /// <summary>TLP:AMBER (TLP 2.0).</summary>
    public static readonly TlpMarking Amber = V2("55d920b0-5e8b-4f79-9ee9-91f868d9b421", TlpLevel.Amber, "amber", "TLP:AMBER");

    /// <summary>TLP:AMBER+STRICT (TLP 2.0).</summary>
    public static readonly TlpMarking AmberStrict = V2("939a9414-2ddd-4d32-a0cd-375ea402b003", TlpLevel.AmberStrict, "amber+strict", "TLP:AMBER+STRICT");

    /// <summary>TLP:RED (TLP 2.0).</summary>
    public static readonly TlpMarking Red = V2("e828b379-4e03-4974-9ac4-e53a884c97c1", TlpLevel.Red, "red", "TLP:RED");

    /// <summary>TLP:WHITE (TLP 1.0, predefined by STIX 2.1); level <see cref="TlpLevel.Clear"/>.</summary>
    public static readonly TlpMarking V1White = V1("613f2e26-407d-48c7-9eca-b8e91df99dc9", TlpLevel.Clear, "white", "TLP:WHITE");

    /// <summary>TLP:GREEN (TLP 1.0, predefined by STIX 2.1).</summary>
    public static readonly TlpMarking V1Green = V1("34098fce-860f-48ae-8e50-ebd3cc5e41da", TlpLevel.Green, "green", "TLP:GREEN");

    /// <summary>TLP:AMBER (TLP 1.0, predefined by STIX 2.1).</summary>
    public static readonly TlpMarking V1Amber = V1("f88d31f6-486f-44da-b317-01333bde0b82", TlpLevel.Amber, "amber", "TLP:AMBER");

    /// <summary>TLP:RED (TLP 1.0, predefined by STIX 2.1).</summary>
    public static readonly TlpMarking V1Red = V1("5e57c739-391a-4eb3-b6be-7d15ca92d5ed", TlpLevel.Red, "red", "TLP:RED");

    /// <summary>Every official TLP marking: the five of TLP 2.0, then the four of TLP 1.0.</summary>
    public static IReadOnlyList<TlpMarking> All { get; } =
        [Clear, Green, Amber, AmberStrict, Red, V1White, V1Green, V1Amber, V1Red];

    private static readonly FrozenDictionary<string, TlpMarking> ById =
        All.ToFrozenDictionary(m => m.Id, StringComparer.Ordinal);

    /// <summary>The TLP 2.0 marking for a level (the one to emit).</summary>
    /// <param name="level">The level.</param>
    /// <returns>The TLP 2.0 marking.</returns>
    public static TlpMarking For(TlpLevel level) => level switch
    {
        TlpLevel.Clear => Clear,
        TlpLevel.Green => Green,
        TlpLevel.Amber => Amber,
        TlpLevel.AmberStrict => AmberStrict,
        TlpLevel.Red => Red,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Not a TLP level."),
    };

    /// <summary>Finds an official TLP marking by its marking-definition id.</summary>
    /// <param name="markingDefinitionId">The id.</param>
    /// <returns>The marking, or <see langword="null"/> when the id is not an official TLP marking.</returns>
    public static TlpMarking? Find(string? markingDefinitionId) =>
        markingDefinitionId is not null && ById.TryGetValue(markingDefinitionId, out var marking) ? marking : null;

    /// <summary>The TLP level of a marking-definition id.</summary>
    /// <param name="markingDefinitionId">The id.</param>
    /// <returns>The level, or <see langword="null"/> when the id is not an official TLP marking.</returns>
    public static TlpLevel? LevelOf(string? markingDefinitionId) => Find(markingDefinitionId)?.Level;

    /// <summary>
    /// The most restrictive TLP level among marking references (as found in <c>object_marking_refs</c>).
    /// </summary>
    /// <param name="markingRefs">The marking-definition ids; ids that are not TLP markings are ignored.</param>
    /// <returns>The highest level, or <see langword="null"/> when no reference is a TLP marking.</returns>
    public static TlpLevel? MostRestrictive(IEnumerable<string> markingRefs)
    {
        ArgumentNullException.ThrowIfNull(markingRefs);
        TlpLevel? highest = null;
        foreach (var level in markingRefs.Select(LevelOf))
        {
            if (level is { } l && (highest is null || l > highest))
            {
                highest = l;
            }
        }

        return highest;
    }

    /// <summary>Parses a TLP name such as <c>TLP:AMBER+STRICT</c>, <c>amber+strict</c> or <c>white</c> (case-insensitive).</summary>
    /// <param name="name">The name, with or without the <c>TLP:</c> prefix.</param>
    /// <param name="level">The level, when the name is one.</param>
    /// <returns>Whether the name is a TLP level.</returns>
    public static bool TryParseLevel(string? name, out TlpLevel level)
    {
        level = default;
        var key = name?.Trim().ToLowerInvariant();
        if (key is not null && key.StartsWith("tlp:", StringComparison.Ordinal))
        {
            key = key[4..];
        }

        switch (key)
        {
            case "clear" or "white": level = TlpLevel.Clear; return true;
            case "green": level = TlpLevel.Green; return true;
            case "amber": level = TlpLevel.Amber; return true;
            case "amber+strict": level = TlpLevel.AmberStrict; return true;
            case "red": level = TlpLevel.Red; return true;
            default: return false;
        }
    }

    private static TlpMarking V2(string uuid, TlpLevel level, string value, string name)
    {
        var id = $"marking-definition--{uuid}";
        var json = new JsonObject
        {
            ["type"] = "marking-definition",
            ["spec_version"] = "2.1",
            ["id"] = id,
            ["created"] = Tlp2Created,
            ["name"] = name,
            ["extensions"] = new JsonObject
            {
                [Tlp2ExtensionDefinitionId] = new JsonObject
                {
                    ["extension_type"] = "property-extension",
                    ["tlp_2_0"] = value,
                },
            },
        }.ToJsonString();
        return new TlpMarking(id, level, 2, name, json);
    }

    private static TlpMarking V1(string uuid, TlpLevel level, string value, string name)
    {
        var id = $"marking-definition--{uuid}";
        var json = $$$"""
            {"type":"marking-definition","spec_version":"2.1","id":"{{{id}}}","created":"{{{Tlp1Created}}}","definition_type":"tlp","name":"{{{name}}}","definition":{"tlp":"{{{value}}}"}}
            """;
        return new TlpMarking(id, level, 1, name, json);
    }
}
