using System.Runtime.CompilerServices;

namespace Parley.Stix.Validation;

/// <summary>The properties common to STIX objects (STIX 2.1 §3.2 and §3.3, §6.2 for SCOs).</summary>
internal static class CommonPropertyRules
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Check(ValidationContext c)
    {
        var type = TypeProperty(c);
        IdProperty(c, type);
        PropertyNames(c);

        var versioned = c.Category is StixObjectCategory.DomainObject or StixObjectCategory.RelationshipObject
            or StixObjectCategory.LanguageContent or StixObjectCategory.ExtensionDefinition;
        if (c.Category == StixObjectCategory.CyberObservable)
        {
            var spec = c.String("spec_version");
            if (spec is not null && spec != "2.1")
            {
                c.Add(c.At("spec_version"), $"must be \"2.1\" when present, not \"{spec}\"");
            }
        }
        else
        {
            SpecVersion(c);
        }

        if (versioned)
        {
            c.Require("created");
            c.Require("modified");
            var created = c.Timestamp("created", requireMilliseconds: true);
            var modified = c.Timestamp("modified", requireMilliseconds: true);
            c.NotBefore("modified", modified, "created", created);
            c.Boolean("revoked");
            c.StringList("labels");
            c.Integer("confidence", 0, 100);
            c.String("lang");
        }

        NestedPropertyRules.Check(c);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? TypeProperty(ValidationContext c)
    {
        c.Require("type");
        var type = c.String("type");
        if (type is not null && !StixTypes.IsValidTypeName(type))
        {
            c.Add(c.At("type"), $"'{type}' is not a valid type name: 3-250 characters of a-z, 0-9 and single hyphens, starting with a letter");
            return null;
        }

        return type;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void IdProperty(ValidationContext c, string? type)
    {
        c.Require("id");
        var id = c.String("id");
        if (id is null)
        {
            return;
        }

        if (!StixIdentifier.TryParse(id, out var parsed, out var error))
        {
            c.Add(c.At("id"), error!);
        }
        else if (type is not null && parsed.Type != type)
        {
            c.Add(c.At("id"), $"the id's type part '{parsed.Type}' must equal the object's type '{type}'");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SpecVersion(ValidationContext c)
    {
        if (!c.Has("spec_version"))
        {
            c.Add(c.At("spec_version"), "is required and must be \"2.1\"");
            return;
        }

        var spec = c.String("spec_version");
        if (spec is not null && spec != "2.1")
        {
            c.Add(c.At("spec_version"), $"must be \"2.1\", not \"{spec}\"");
        }
    }

    // STIX 2.1 §3.1: property names use a-z, A-Z, 0-9 and underscore, 3 to 250 characters ("id" excepted).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PropertyNames(ValidationContext c)
    {
        foreach (var (name, _) in c.Properties)
        {
            if (name == "id")
            {
                continue;
            }

            if (name.Length is < 3 or > 250 || !ValidationContext.IsWordCharacters(name))
            {
                c.Add(ValidationContext.Child(c.Path, name),
                    $"'{name}' is not a valid property name: 3-250 characters of a-z, A-Z, 0-9 and underscore (custom properties are usually x_<source>_<name>)");
            }
        }
    }
}
