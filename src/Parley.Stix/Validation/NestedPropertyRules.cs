using System.Text.Json.Nodes;

namespace Parley.Stix.Validation;

/// <summary>The common properties that hold structures: external_references, granular_markings, extensions.</summary>
internal static class NestedPropertyRules
{
    public static void Check(ValidationContext c)
    {
        ExternalReferences(c);
        GranularMarkings(c);
        Extensions(c);
    }

    private static void ExternalReferences(ValidationContext c)
    {
        if (!c.Object.TryGetPropertyValue("external_references", out var node))
        {
            return;
        }

        var path = c.At("external_references");
        if (node is not JsonArray array || array.Count == 0)
        {
            c.Add(path, "must be a non-empty list of external references");
            return;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var item = ValidationContext.Index(path, i);
            if (array[i] is not JsonObject reference)
            {
                c.Add(item, "must be an object");
                continue;
            }

            var source = StixJson.GetString(reference, "source_name");
            if (source is null)
            {
                c.Add(ValidationContext.Child(item, "source_name"), "is required and must be a string");
            }
            else if (source is "cve" or "capec" && StixJson.GetString(reference, "external_id") is null)
            {
                c.Add(ValidationContext.Child(item, "external_id"), $"is required when source_name is '{source}'");
            }

            if (!reference.ContainsKey("description") && !reference.ContainsKey("url") && !reference.ContainsKey("external_id"))
            {
                c.Add(item, "must have at least one of description, url or external_id");
            }
        }
    }

    private static void GranularMarkings(ValidationContext c)
    {
        if (!c.Object.TryGetPropertyValue("granular_markings", out var node))
        {
            return;
        }

        var path = c.At("granular_markings");
        if (node is not JsonArray array || array.Count == 0)
        {
            c.Add(path, "must be a non-empty list of granular markings");
            return;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var item = ValidationContext.Index(path, i);
            if (array[i] is not JsonObject marking)
            {
                c.Add(item, "must be an object");
                continue;
            }

            if (marking["selectors"] is not JsonArray { Count: > 0 })
            {
                c.Add(ValidationContext.Child(item, "selectors"), "is required and must be a non-empty list");
            }

            if (marking.ContainsKey("marking_ref") == marking.ContainsKey("lang"))
            {
                c.Add(item, "must have exactly one of marking_ref and lang");
            }
        }
    }

    private static void Extensions(ValidationContext c)
    {
        if (!c.Object.TryGetPropertyValue("extensions", out var node))
        {
            return;
        }

        var path = c.At("extensions");
        if (node is not JsonObject extensions || extensions.Count == 0)
        {
            c.Add(path, "must be a non-empty dictionary of extensions");
            return;
        }

        foreach (var (name, value) in extensions)
        {
            var item = ValidationContext.Child(path, name);
            if (value is not JsonObject)
            {
                c.Add(item, "must be an object");
            }
            else if (name.StartsWith("extension-definition--", StringComparison.Ordinal) && !StixIdentifier.TryParse(name, out _))
            {
                c.Add(item, $"'{name}' is not a valid extension-definition id");
            }
            else if (!name.StartsWith("extension-definition--", StringComparison.Ordinal) && !name.EndsWith("-ext", StringComparison.Ordinal))
            {
                c.Add(item, $"'{name}' must be an extension-definition id or a predefined extension name ending in -ext");
            }
        }
    }
}
