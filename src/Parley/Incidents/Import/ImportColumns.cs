using Parley.Actors;

namespace Parley.Incidents.Import;

/// The fields a CSV column can feed. Victims and CategoryOrSector sort each value by what it names:
/// trackers mix countries with organisations, and categories with targeted sectors.
public enum ImportField
{
    Id, Title, FirstSeen, Reported, Description, Sponsors, VictimCountries, VictimOrganisations, Victims,
    Sectors, Categories, CategoryOrSector, IntrusionSets, Confidence, AttributedBy, Sources,
}

/// Which column feeds which field: a profile's header names plus explicit --map col=field pairs.
public sealed class ImportColumns
{
    public const string TrackerProfile = "tracker", NoProfile = "none";

    /// The layout public cyber-operation trackers use (title, date, description, affiliations,
    /// sponsor, victims, type, category, sources 1..n), plus Parley's own field names.
    private static readonly Dictionary<string, ImportField> Tracker = new()
    {
        ["id"] = ImportField.Id, ["title"] = ImportField.Title, ["name"] = ImportField.Title,
        ["date"] = ImportField.FirstSeen, ["firstseen"] = ImportField.FirstSeen, ["reported"] = ImportField.Reported,
        ["description"] = ImportField.Description, ["affiliations"] = ImportField.IntrusionSets, ["affiliation"] = ImportField.IntrusionSets,
        ["sponsor"] = ImportField.Sponsors, ["sponsors"] = ImportField.Sponsors, ["victims"] = ImportField.Victims, ["victim"] = ImportField.Victims,
        ["victimcountries"] = ImportField.VictimCountries, ["victimcountry"] = ImportField.VictimCountries,
        ["victimorganisations"] = ImportField.VictimOrganisations, ["victimorganizations"] = ImportField.VictimOrganisations,
        ["type"] = ImportField.Categories, ["categories"] = ImportField.Categories, ["category"] = ImportField.CategoryOrSector,
        ["sector"] = ImportField.Sectors, ["sectors"] = ImportField.Sectors,
        ["intrusionsets"] = ImportField.IntrusionSets, ["intrusionset"] = ImportField.IntrusionSets, ["actor"] = ImportField.IntrusionSets,
        ["confidence"] = ImportField.Confidence, ["attributedby"] = ImportField.AttributedBy,
        ["sources"] = ImportField.Sources, ["source"] = ImportField.Sources, ["references"] = ImportField.Sources,
    };

    private readonly Dictionary<string, ImportField> _byHeader;
    private readonly bool _tracker;

    private ImportColumns(Dictionary<string, ImportField> byHeader, bool tracker) => (_byHeader, _tracker) = (byHeader, tracker);

    /// Null and an error when the profile or a mapping cannot be read.
    public static (ImportColumns?, string?) Create(string? profile, IEnumerable<string> maps)
    {
        profile ??= TrackerProfile;
        if (profile is not (TrackerProfile or NoProfile)) return (null, $"unknown profile '{profile}' (tracker or none)");
        var byHeader = new Dictionary<string, ImportField>();
        foreach (var map in maps)
        {
            var parts = map.Split('=', 2);
            if (parts.Length != 2 || parts[0].Trim().Length == 0 || !TryField(parts[1], out var field))
                return (null, $"--map '{map}' is not column=field (fields: {string.Join(", ", Enum.GetNames<ImportField>().Select(Kebab))})");
            byHeader[NameKey.Of(parts[0])] = field;
        }
        return (new ImportColumns(byHeader, profile == TrackerProfile), null);
    }

    /// The field a header feeds, or null to ignore the column. "Sources 2" and "sources_3" feed sources.
    public ImportField? FieldOf(string header)
    {
        var key = NameKey.Of(header);
        if (_byHeader.TryGetValue(key, out var mapped)) return mapped;
        if (!_tracker) return null;
        if (Tracker.TryGetValue(key, out var field)) return field;
        var trimmed = key.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        return trimmed != key && Tracker.TryGetValue(trimmed, out field) && field == ImportField.Sources ? field : null;
    }

    private static bool TryField(string text, out ImportField field)
    {
        var key = NameKey.Of(text);
        foreach (var f in Enum.GetValues<ImportField>())
            if (NameKey.Of(f.ToString()) == key) { field = f; return true; }
        field = default;
        return false;
    }

    private static string Kebab(string name) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(name);
}
