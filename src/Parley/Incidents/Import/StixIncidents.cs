using System.Globalization;
using System.Text.Json;
using Parley.Stix;

namespace Parley.Incidents.Import;

/// Gathers, from a stream of STIX objects, the `incident` objects and what the register needs around
/// them — their relationships (`attributed-to` an intrusion set or a country, `targets` an identity
/// or a location) and the names of the objects those point to — then turns each incident into an
/// import row. Only the small facts are kept, so a big bundle does not sit in memory.
public sealed class StixIncidents
{
    /// The OASIS incident-core extension (cti-stix-common-objects, extension-definition-specifications/incident-core).
    public const string CoreExtension = "extension-definition--ef765651-680c-498d-9894-99799f2fa126";

    private sealed record Target(string Type, string? Name, string? Country, IReadOnlyList<string> Sectors);

    private readonly List<(int Index, JsonElement Incident)> _incidents = [];
    private readonly List<(string Source, string Kind, string Target)> _relationships = [];
    private readonly Dictionary<string, Target> _targets = new(StringComparer.Ordinal);

    public int Count => _incidents.Count;

    /// Reads the object in place; only an incident's element is kept, for <see cref="Rows"/>.
    public void Observe(int index, JsonElement obj)
    {
        var type = Text(obj, "type");
        var id = Text(obj, "id");
        if (id is null) return;
        switch (type)
        {
            case "incident":
                _incidents.Add((index, obj));
                break;
            case "relationship" when Text(obj, "source_ref")?.StartsWith("incident--", StringComparison.Ordinal) == true:
                _relationships.Add((Text(obj, "source_ref")!, Text(obj, "relationship_type") ?? "", Text(obj, "target_ref") ?? ""));
                break;
            case "identity" or "intrusion-set" or "location" or "threat-actor":
                _targets[id] = new Target(type, Text(obj, "name"), Text(obj, "country"), StixJson.GetStringList(obj, "sectors"));
                break;
        }
    }

    public IEnumerable<ImportRow> Rows()
    {
        foreach (var (index, incident) in _incidents)
            yield return new ImportRow($"objects[{index}] {Text(incident, "id")}", ToInput(incident), null);
    }

    private IncidentInput ToInput(JsonElement incident)
    {
        var id = Text(incident, "id")!;
        // The default element, when there is no core extension: every read of it finds nothing.
        var core = StixJson.TryGet(incident, "extensions", out var extensions) && StixJson.TryGet(extensions, CoreExtension, out var found) ? found : default;
        var related = _relationships.Where(r => r.Source == id)
            .Select(r => (r.Kind, Target: _targets.GetValueOrDefault(r.Target))).Where(r => r.Target is not null).ToList();
        var attributed = related.Where(r => r.Kind == "attributed-to").Select(r => r.Target!).ToList();
        var targeted = related.Where(r => r.Kind == "targets").Select(r => r.Target!).ToList();

        return new IncidentInput(
            Title: Text(incident, "name"),
            Description: Text(incident, "description"),
            FirstSeen: Day(Text(core, "first_seen") ?? Text(incident, "first_seen") ?? Text(incident, "created")),
            Reported: Day(Text(incident, "created")),
            VictimOrganisations: Distinct(targeted.Where(t => t.Type == "identity").Select(t => t.Name)),
            VictimCountries: Distinct(targeted.Where(t => t.Type == "location").Select(t => t.Country)),
            // Sectors and categories outside Parley's lists are left out rather than rejecting the incident.
            Sectors: Distinct(targeted.SelectMany(t => t.Sectors).Where(s => Vocabulary.TrySector(s, out _))),
            Categories: Distinct(StixJson.GetStringList(core, "incident_types").Where(c => Vocabulary.TryCategory(c, out _))),
            IntrusionSets: Distinct(attributed.Where(t => t.Type is "intrusion-set" or "threat-actor").Select(t => t.Name)),
            Sponsors: Distinct(attributed.Where(t => t.Type == "location").Select(t => t.Country)),
            Confidence: Confidence(incident),
            AttributedBy: Text(incident, "created_by_ref") is { } author ? _targets.GetValueOrDefault(author)?.Name : null,
            Sources: StixJson.TryGet(incident, "external_references", out var references) && references.ValueKind == JsonValueKind.Array
                ? references.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Object)
                    .Select(r => new SourceInput(Text(r, "url"), Text(r, "description") ?? Text(r, "source_name"))).ToArray()
                : null,
            RequestIds: null, Breaches: null, Id: id);
    }

    /// STIX's confidence scale (STIX 2.1, appendix A, "Low/Med/High"): 1–29 low, 30–69 medium, 70–100 high; 0 says nothing.
    private static string? Confidence(JsonElement incident) =>
        StixJson.TryGet(incident, "confidence", out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var c) ? c switch
        {
            >= 70 => "high",
            >= 30 => "medium",
            >= 1 => "low",
            _ => null,
        } : null;

    private static string? Day(string? timestamp) =>
        timestamp is not null && DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : timestamp;

    private static string[]? Distinct(IEnumerable<string?> values)
    {
        var list = values.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        return list.Length == 0 ? null : list;
    }

    private static string? Text(JsonElement obj, string name) => StixJson.GetString(obj, name);
}
