using System.Text.Json;

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
        if (!c.TryGet("external_references", out var value))
        {
            return;
        }

        var path = c.At("external_references");
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            c.Add(path, "must be a non-empty list of external references");
            return;
        }

        var i = 0;
        foreach (var reference in value.EnumerateArray())
        {
            var item = ValidationContext.Index(path, i++);
            if (reference.ValueKind != JsonValueKind.Object)
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

            if (!reference.TryGetProperty("description", out _) && !reference.TryGetProperty("url", out _) && !reference.TryGetProperty("external_id", out _))
            {
                c.Add(item, "must have at least one of description, url or external_id");
            }
        }
    }

    private static void GranularMarkings(ValidationContext c)
    {
        if (!c.TryGet("granular_markings", out var value))
        {
            return;
        }

        var path = c.At("granular_markings");
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            c.Add(path, "must be a non-empty list of granular markings");
            return;
        }

        var i = 0;
        foreach (var marking in value.EnumerateArray())
        {
            var item = ValidationContext.Index(path, i++);
            if (marking.ValueKind != JsonValueKind.Object)
            {
                c.Add(item, "must be an object");
                continue;
            }

            if (!marking.TryGetProperty("selectors", out var selectors) || selectors.ValueKind != JsonValueKind.Array || selectors.GetArrayLength() == 0)
            {
                c.Add(ValidationContext.Child(item, "selectors"), "is required and must be a non-empty list");
            }

            if (marking.TryGetProperty("marking_ref", out _) == marking.TryGetProperty("lang", out _))
            {
                c.Add(item, "must have exactly one of marking_ref and lang");
            }
        }
    }

    private static void Extensions(ValidationContext c)
    {
        if (!c.TryGet("extensions", out var extensions))
        {
            return;
        }

        var path = c.At("extensions");
        if (extensions.ValueKind != JsonValueKind.Object || extensions.GetPropertyCount() == 0)
        {
            c.Add(path, "must be a non-empty dictionary of extensions");
            return;
        }

        foreach (var extension in extensions.EnumerateObject())
        {
            var name = extension.Name;
            var item = ValidationContext.Child(path, name);
            if (extension.Value.ValueKind != JsonValueKind.Object)
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
