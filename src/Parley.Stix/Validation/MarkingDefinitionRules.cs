using System.Text.Json;
using Parley.Stix.Markings;

namespace Parley.Stix.Validation;

/// <summary>
/// Marking definitions (STIX 2.1 §7.2): not versioned, a statement or TLP definition or an
/// extension, and TLP markings only under their official ids and contents.
/// </summary>
internal static class MarkingDefinitionRules
{
    public static void Check(ValidationContext c)
    {
        c.Require("created");
        c.Timestamp("created");
        c.String("name");
        foreach (var property in new[] { "modified", "revoked", "labels", "confidence", "lang" })
        {
            if (c.Has(property))
            {
                c.Add(c.At(property), $"is not a property of marking definitions (they cannot be versioned or revoked)");
            }
        }

        var id = c.String("id");
        var official = Tlp.Find(id);
        var tlp2 = Tlp2Value(c);
        var definitionType = c.String("definition_type");

        if (tlp2 is not null)
        {
            Tlp2(c, id, official, tlp2);
        }
        else if (!c.Has("extensions") && (definitionType is null || !c.Has("definition")))
        {
            c.Add(c.Path, "a marking definition without extensions must have definition_type and definition");
        }

        switch (definitionType)
        {
            case "statement":
                if (!c.TryGet("definition", out var statement) || StixJson.GetString(statement, "statement") is null)
                {
                    c.Add(c.At("definition"), "a statement marking must have definition.statement, a string");
                }

                break;
            case "tlp":
                Tlp1(c, id, official);
                break;
        }

        if (official is not null && tlp2 is null && definitionType != "tlp")
        {
            c.Add(c.At("id"), $"'{id}' is the id of the official {official.Name} marking, but the object does not define that TLP marking");
        }
    }

    private static void Tlp1(ValidationContext c, string? id, TlpMarking? official)
    {
        var value = c.TryGet("definition", out var definition) ? StixJson.GetString(definition, "tlp") : null;
        if (value is not ("white" or "green" or "amber" or "red"))
        {
            c.Add(ValidationContext.Child(c.At("definition"), "tlp"), "must be one of white, green, amber, red");
            return;
        }

        if (official is null || official.TlpVersion != 1 || !official.Name.Equals($"TLP:{value}", StringComparison.OrdinalIgnoreCase))
        {
            var expected = Tlp.All.First(m => m.TlpVersion == 1 && m.Name.Equals($"TLP:{value}", StringComparison.OrdinalIgnoreCase));
            c.Add(c.At("id"), $"a TLP:{value.ToUpperInvariant()} marking definition must use the official id {expected.Id}, not '{id}'");
        }
    }

    private static void Tlp2(ValidationContext c, string? id, TlpMarking? official, string value)
    {
        var path = ValidationContext.Child(ValidationContext.Child(c.At("extensions"), Tlp.Tlp2ExtensionDefinitionId), "tlp_2_0");
        if (!Tlp.TryParseLevel(value, out var level) || value == "white")
        {
            c.Add(path, $"'{value}' is not a TLP 2.0 level (clear, green, amber, amber+strict, red)");
            return;
        }

        var expected = Tlp.For(level);
        if (official != expected)
        {
            c.Add(c.At("id"), $"a {expected.Name} marking definition must use the official id {expected.Id}, not '{id}'");
        }

        var name = StixJson.GetString(c.Object, "name");
        if (name is not null && name != expected.Name)
        {
            c.Add(c.At("name"), $"must be '{expected.Name}' for this TLP 2.0 marking, not '{name}'");
        }
    }

    private static string? Tlp2Value(ValidationContext c) =>
        c.TryGet("extensions", out var extensions) && StixJson.TryGet(extensions, Tlp.Tlp2ExtensionDefinitionId, out var extension)
            && extension.ValueKind == JsonValueKind.Object
            ? StixJson.GetString(extension, "tlp_2_0") ?? string.Empty
            : null;
}
