using Microsoft.EntityFrameworkCore;
using Parley.Data;

namespace Parley.Incidents;

public enum TrendInterval { Month, Quarter, Year }

public enum TrendGroup { None, Sponsor, Victim, Sector, Category, IntrusionSet }

/// Incident counts per month, quarter or year, one series per value of the grouping attribute.
public static class IncidentTrend
{
    public sealed record Series(string Key, string Label, IReadOnlyList<int> Counts, int Total);

    /// <paramref name="NotPlaced"/> counts incidents whose first-seen date is coarser than the interval
    /// (a year-only date in a monthly trend); they are in no period.
    public sealed record Result(TrendInterval Interval, TrendGroup GroupBy, IReadOnlyList<string> Periods, IReadOnlyList<Series> Series,
        int Incidents, int NotPlaced);

    public const string NoneKey = "";

    public static async Task<Result> ComputeAsync(ParleyDbContext db, IncidentFilter filter, TrendInterval interval, TrendGroup groupBy, CancellationToken ct)
    {
        var incidents = filter.Apply(db, db.Incidents.AsNoTracking());
        List<(string Group, int Year, int? Month, int Count)> rows;
        if (groupBy == TrendGroup.None && filter.FacetsOnly(db) is { } facets)
        {
            // Counted from the facet index alone (the facets carry the first-seen month).
            rows = (await facets.GroupBy(f => new { f.FirstSeenYear, f.FirstSeenMonth })
                    .Select(g => new { g.Key.FirstSeenYear, g.Key.FirstSeenMonth, Count = g.Select(f => f.IncidentId).Distinct().Count() }).ToListAsync(ct))
                .Select(r => (NoneKey, r.FirstSeenYear, r.FirstSeenMonth, r.Count)).ToList();
        }
        else if (groupBy == TrendGroup.None)
        {
            rows = (await incidents.GroupBy(i => new { i.FirstSeenYear, i.FirstSeenMonth })
                    .Select(g => new { g.Key.FirstSeenYear, g.Key.FirstSeenMonth, Count = g.Count() }).ToListAsync(ct))
                .Select(r => (NoneKey, r.FirstSeenYear, r.FirstSeenMonth, r.Count)).ToList();
        }
        else
        {
            var kind = KindOf(groupBy);
            var grouped = await (from f in db.IncidentFacets
                                 where f.Kind == kind
                                 join i in incidents on f.IncidentId equals i.Id
                                 group f by new { f.Value, i.FirstSeenYear, i.FirstSeenMonth } into g
                                 select new { g.Key.Value, g.Key.FirstSeenYear, g.Key.FirstSeenMonth, Count = g.Count() }).ToListAsync(ct);
            // Incidents with no value of the attribute (no sponsor named) form a series of their own.
            var without = await incidents.Where(i => !db.IncidentFacets.Any(f => f.IncidentId == i.Id && f.Kind == kind))
                .GroupBy(i => new { i.FirstSeenYear, i.FirstSeenMonth })
                .Select(g => new { g.Key.FirstSeenYear, g.Key.FirstSeenMonth, Count = g.Count() }).ToListAsync(ct);
            rows = grouped.Select(r => (r.Value, r.FirstSeenYear, r.FirstSeenMonth, r.Count))
                .Concat(without.Select(r => (NoneKey, r.FirstSeenYear, r.FirstSeenMonth, r.Count))).ToList();
        }
        var total = groupBy == TrendGroup.None ? rows.Sum(r => r.Count) : await incidents.CountAsync(ct);
        var notPlaced = interval == TrendInterval.Year ? 0
            : groupBy == TrendGroup.None ? rows.Where(r => r.Month is null).Sum(r => r.Count)
            : await incidents.CountAsync(i => i.FirstSeenMonth == null, ct);
        return Build(rows, interval, groupBy, filter, total, notPlaced);
    }

    internal static Result Build(List<(string Group, int Year, int? Month, int Count)> rows, TrendInterval interval, TrendGroup groupBy,
        IncidentFilter filter, int incidents, int notPlaced)
    {
        var placed = rows.Where(r => interval == TrendInterval.Year || r.Month is not null).ToList();
        var periods = new List<(int Year, int Sub)>();
        var all = placed.Select(r => PeriodOf(interval, r.Year, r.Month)).ToList();
        if (filter.From is { } from) all.Add(PeriodOf(interval, from.Year, from.Month));
        if (filter.To is { } to) all.Add(PeriodOf(interval, to.Year, to.Month));
        if (all.Count > 0)
        {
            var first = filter.From is { } f ? PeriodOf(interval, f.Year, f.Month) : all.Min();
            var last = filter.To is { } t ? PeriodOf(interval, t.Year, t.Month) : all.Max();
            for (var p = first; p.CompareTo(last) <= 0; p = Next(interval, p)) periods.Add(p);
        }
        var index = periods.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        var series = placed.GroupBy(r => r.Group).Select(g =>
        {
            var counts = new int[periods.Count];
            foreach (var r in g)
                if (index.TryGetValue(PeriodOf(interval, r.Year, r.Month), out var i)) counts[i] += r.Count;
            return new Series(g.Key, LabelOf(groupBy, g.Key), counts, counts.Sum());
        }).OrderBy(s => s.Key == NoneKey).ThenByDescending(s => s.Total).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();
        return new Result(interval, groupBy, periods.Select(p => Label(interval, p)).ToList(), series, incidents, notPlaced);
    }

    public static FacetKind KindOf(TrendGroup group) => group switch
    {
        TrendGroup.Sponsor => FacetKind.Sponsor,
        TrendGroup.Victim => FacetKind.VictimCountry,
        TrendGroup.Sector => FacetKind.Sector,
        TrendGroup.Category => FacetKind.Category,
        TrendGroup.IntrusionSet => FacetKind.IntrusionSet,
        _ => throw new ArgumentOutOfRangeException(nameof(group)),
    };

    private static string LabelOf(TrendGroup group, string key) => key == NoneKey
        ? (group == TrendGroup.None ? "all incidents" : "(none)")
        : group is TrendGroup.Sponsor or TrendGroup.Victim ? $"{key} {Countries.NameOf(key)}" : key;

    private static (int Year, int Sub) PeriodOf(TrendInterval interval, int year, int? month) => interval switch
    {
        TrendInterval.Month => (year, month ?? 1),
        TrendInterval.Quarter => (year, ((month ?? 1) - 1) / 3 + 1),
        _ => (year, 0),
    };

    private static (int Year, int Sub) Next(TrendInterval interval, (int Year, int Sub) p) => interval switch
    {
        TrendInterval.Month => p.Sub == 12 ? (p.Year + 1, 1) : (p.Year, p.Sub + 1),
        TrendInterval.Quarter => p.Sub == 4 ? (p.Year + 1, 1) : (p.Year, p.Sub + 1),
        _ => (p.Year + 1, 0),
    };

    private static string Label(TrendInterval interval, (int Year, int Sub) p) => interval switch
    {
        TrendInterval.Month => $"{p.Year:0000}-{p.Sub:00}",
        TrendInterval.Quarter => $"{p.Year:0000}-Q{p.Sub}",
        _ => $"{p.Year:0000}",
    };
}
