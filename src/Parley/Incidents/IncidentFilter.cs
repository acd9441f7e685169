using Microsoft.EntityFrameworkCore;
using Parley.Data;

namespace Parley.Incidents;

/// Which incidents a list, trend or effect counts. Several values of one filter are alternatives
/// (sponsor=CN,RU); different filters must all hold. Dates bound the earliest day a first-seen date can mean.
public sealed record IncidentFilter(
    IReadOnlyList<string> Sponsors, IReadOnlyList<string> Victims, IReadOnlyList<string> Categories,
    IReadOnlyList<string> Sectors, IReadOnlyList<string> IntrusionSets, DateOnly? From, DateOnly? To, Confidence? MinConfidence)
{
    public static readonly IncidentFilter None = new([], [], [], [], [], null, null, null);

    /// Reads the query-string form; errors are keyed by parameter name.
    public static IncidentFilter Parse(string? sponsor, string? victim, string? category, string? sector, string? intrusionSet,
        string? from, string? to, string? minConfidence, Dictionary<string, string[]> errors)
    {
        var sponsors = List(sponsor, "sponsor", errors, Countries.Find);
        var victims = List(victim, "victim", errors, Countries.Find);
        var categories = List(category, "category", errors, v => Vocabulary.TryCategory(v, out var c) ? Vocabulary.Name(c) : null);
        var sectors = List(sector, "sector", errors, v => Vocabulary.TrySector(v, out var s) ? Vocabulary.Name(s) : null);
        var sets = List(intrusionSet, "intrusionSet", errors, v => Actors.ActorCatalogue.Default.FindByNameOrAlias(v)?.Name);
        var fromDate = Date(from, "from", errors, d => d.Start);
        var toDate = Date(to, "to", errors, d => d.End);
        Confidence? confidence = null;
        if (!string.IsNullOrWhiteSpace(minConfidence))
        {
            if (Vocabulary.TryConfidence(minConfidence, out var c)) confidence = c;
            else errors["minConfidence"] = ["minConfidence is low, medium or high."];
        }
        if (fromDate > toDate) errors["to"] = ["to is before from."];
        return new IncidentFilter(sponsors, victims, categories, sectors, sets, fromDate, toDate, confidence);
    }

    public IQueryable<Incident> Apply(ParleyDbContext db, IQueryable<Incident> q)
    {
        foreach (var (kind, values) in Attributes()) q = WithFacet(db, q, kind, values);
        if (From is { } from) q = q.Where(i => i.FirstSeen >= from);
        if (To is { } to) q = q.Where(i => i.FirstSeen <= to);
        if (MinConfidence is { } min)
        {
            var allowed = Enum.GetValues<Confidence>().Where(c => c >= min).Select(c => (Confidence?)c).ToList();
            q = q.Where(i => allowed.Contains(i.Confidence));
        }
        return q;
    }

    /// When the filter names attributes and perhaps dates (no confidence): the facet rows of one attribute,
    /// the others and the dates applied, so a count per month needs no incident row. One incident may have
    /// several matching rows (sponsor=CN,RU with both named): count distinct incident ids. Null when the filter cannot.
    public IQueryable<IncidentFacet>? FacetsOnly(ParleyDbContext db)
    {
        if (MinConfidence is not null) return null;
        var kinds = Attributes();
        if (kinds.Count == 0) return null;

        var (kind, values) = kinds[0];
        var rows = values.Count == 1
            ? db.IncidentFacets.AsNoTracking().Where(f => f.Kind == kind && f.Value == values[0])
            : db.IncidentFacets.AsNoTracking().Where(f => f.Kind == kind && values.Contains(f.Value));
        if (From is { } from) rows = rows.Where(f => f.FirstSeen >= from);
        if (To is { } to) rows = rows.Where(f => f.FirstSeen <= to);
        foreach (var (other, those) in kinds.Skip(1))
        {
            var ids = db.IncidentFacets.Where(f => f.Kind == other && those.Contains(f.Value)).Select(f => f.IncidentId);
            rows = rows.Where(f => ids.Contains(f.IncidentId));
        }
        return rows;
    }

    /// The attributes the filter names, as facet kinds and values; a sponsor and a victim together are one
    /// <see cref="FacetKind.SponsorVictim"/> lookup of every pair.
    private List<(FacetKind Kind, IReadOnlyList<string> Values)> Attributes()
    {
        List<(FacetKind Kind, IReadOnlyList<string> Values)> kinds = Sponsors.Count > 0 && Victims.Count > 0
            ? [(FacetKind.SponsorVictim, [.. from s in Sponsors from v in Victims select SponsorVictimPairs.Of(s, v)])]
            : [(FacetKind.Sponsor, Sponsors), (FacetKind.VictimCountry, Victims)];
        kinds.AddRange([(FacetKind.Category, Categories), (FacetKind.Sector, Sectors), (FacetKind.IntrusionSet, IntrusionSets)]);
        kinds.RemoveAll(k => k.Values.Count == 0);
        return kinds;
    }

    private static IQueryable<Incident> WithFacet(ParleyDbContext db, IQueryable<Incident> q, FacetKind kind, IReadOnlyList<string> values)
    {
        // "Id IN (ids of the matching facets)" rather than EXISTS: SQLite then walks the facet index
        // range and looks up only those incidents, instead of probing the facets once per incident.
        if (values.Count == 0) return q;
        if (values.Count == 1)
        {
            var value = values[0];
            var ids = db.IncidentFacets.Where(f => f.Kind == kind && f.Value == value).Select(f => f.IncidentId);
            return q.Where(i => ids.Contains(i.Id));
        }
        var any = db.IncidentFacets.Where(f => f.Kind == kind && values.Contains(f.Value)).Select(f => f.IncidentId);
        return q.Where(i => any.Contains(i.Id));
    }

    private static List<string> List(string? text, string field, Dictionary<string, string[]> errors, Func<string, string?> read)
    {
        var values = new List<string>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (read(part) is { } value) values.Add(value);
            else errors[field] = [$"'{part}' is not a known {field}."];
        }
        return values.Distinct().ToList();
    }

    private static DateOnly? Date(string? text, string field, Dictionary<string, string[]> errors, Func<PartialDate, DateOnly> pick)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (PartialDate.TryParse(text, out var date)) return pick(date);
        errors[field] = [$"'{text}' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)."];
        return null;
    }
}
