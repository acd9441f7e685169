using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Incidents.Statistics;

namespace Parley.Incidents;

/// The agreement's measured effect: incidents per month before and after a split date over two
/// windows of equal (or stated) length, their rate ratio, its exact 95% CI and a p-value.
public static class IncidentEffect
{
    public sealed record MonthCount(string Month, int Count);

    /// <paramref name="Imprecise"/>: incidents whose date could fall on either side of the split or a
    /// window's edge (a month-only date in the split's month, a year-only date), left out of both counts.
    public sealed record Result(
        DateOnly Split, int Months, DateOnly BeforeFrom, DateOnly AfterTo, int Before, int After, int Imprecise,
        double RateBefore, double RateAfter, double? RateRatio, double? Lower, double? Upper, double PValue,
        string Sentence, IReadOnlyList<MonthCount> PerMonth);

    public static async Task<(Result? Result, string? Error)> ComputeAsync(ParleyDbContext db, IncidentFilter filter, DateOnly split, int? months, CancellationToken ct)
    {
        if (months is null)
        {
            // Equal windows as long as the register allows on both sides of the split.
            var first = await db.Incidents.MinAsync(i => (DateOnly?)i.FirstSeen, ct);
            var last = await db.Incidents.MaxAsync(i => (DateOnly?)i.FirstSeen, ct);
            if (first is null || last is null) return (null, "The register has no incidents.");
            months = Math.Min(MonthsBetween(first.Value, split), MonthsBetween(split, last.Value) + 1);
            if (months < 1) return (null, "The register has no incidents on one side of the split; give months.");
        }
        var beforeFrom = split.AddMonths(-months.Value);
        var afterTo = split.AddMonths(months.Value);
        var windowFilter = filter with { From = null, To = null };
        var lastMonthEnd = new DateOnly(afterTo.Year, afterTo.Month, 1).AddMonths(1);
        var dates = await windowFilter.Apply(db, db.Incidents.AsNoTracking())
            .Where(i => i.FirstSeen < lastMonthEnd && i.FirstSeen >= beforeFrom.AddYears(-1))
            .Select(i => new { i.FirstSeen, i.FirstSeenPrecision }).ToListAsync(ct);

        int before = 0, after = 0, imprecise = 0;
        var perMonth = new SortedDictionary<DateOnly, int>();
        for (var m = new DateOnly(beforeFrom.Year, beforeFrom.Month, 1); m < afterTo; m = m.AddMonths(1)) perMonth[m] = 0;
        foreach (var d in dates)
        {
            var date = PartialDate.From(d.FirstSeen, d.FirstSeenPrecision);
            var (start, end) = (date.Start, date.End);
            var month = new DateOnly(start.Year, start.Month, 1);
            if (date.Precision != DatePrecision.Year && perMonth.ContainsKey(month)) perMonth[month]++;
            if (end < beforeFrom || start >= afterTo) continue;
            if (start >= beforeFrom && end < split) before++;
            else if (start >= split && end < afterTo) after++;
            else imprecise++;
        }
        var test = RateRatioTest.Compute(after, months.Value, before, months.Value);
        var sentence = Sentence(filter, split, test, months.Value);
        return (new Result(split, months.Value, beforeFrom, afterTo, before, after, imprecise, test.RateBefore, test.RateAfter,
            test.RateRatio, test.Lower, test.Upper, test.PValue, sentence,
            perMonth.Select(kv => new MonthCount(kv.Key.ToString("yyyy-MM", CultureInfo.InvariantCulture), kv.Value)).ToList()), null);
    }

    public static string Describe(IncidentFilter filter)
    {
        var words = new List<string>();
        if (filter.Sponsors.Count > 0) words.Add(string.Join("/", filter.Sponsors) + "-sponsored");
        if (filter.Categories.Count > 0) words.Add(string.Join(" or ", filter.Categories));
        words.Add("incidents");
        if (filter.IntrusionSets.Count > 0) words.Add("attributed to " + string.Join(" or ", filter.IntrusionSets));
        if (filter.Victims.Count > 0) words.Add("against " + string.Join("/", filter.Victims) + " victims");
        if (filter.Sectors.Count > 0) words.Add("in the " + string.Join(" or ", filter.Sectors) + " sector");
        if (filter.MinConfidence is { } c) words.Add($"(attribution confidence {Vocabulary.Name(c)} or higher)");
        return string.Join(' ', words);
    }

    private static string Sentence(IncidentFilter filter, DateOnly split, RateRatioTest.Result t, int months)
    {
        var inv = CultureInfo.InvariantCulture;
        var direction = t.RateAfter < t.RateBefore ? "fell" : t.RateAfter > t.RateBefore ? "rose" : "stayed";
        var rates = direction == "stayed"
            ? $"stayed at {t.RateBefore.ToString("0.0", inv)}"
            : $"{direction} from {t.RateBefore.ToString("0.0", inv)} to {t.RateAfter.ToString("0.0", inv)}";
        var ratio = t.RateRatio is { } rr ? rr.ToString("0.00", inv) : "unbounded (none before)";
        var ci = $"{(t.Lower ?? 0).ToString("0.00", inv)}–{(t.Upper is { } u ? u.ToString("0.00", inv) : "∞")}";
        var p = t.PValue < 0.001 ? "p < 0.001" : $"p = {t.PValue.ToString("0.000", inv)}";
        var significance = t.PValue < 0.05 ? "" : "; not significant at the 5% level";
        return $"After {split:yyyy-MM-dd}, the monthly rate of {Describe(filter)} {rates} " +
               $"({t.Before} in the {months} months before, {t.After} in the {months} after); " +
               $"rate ratio {ratio}, 95% CI {ci}, {p}{significance}.";
    }

    private static int MonthsBetween(DateOnly from, DateOnly to) => (to.Year - from.Year) * 12 + to.Month - from.Month - (to.Day < from.Day ? 1 : 0);
}
