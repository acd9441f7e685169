using System.Globalization;
using System.Text.Json.Serialization;
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
        string Sentence, IReadOnlyList<MonthCount> PerMonth)
    {
        /// The filter and the test the figures came from: the pages say the sentence and the chart's title in the reader's language.
        // Not `required`: System.Text.Json refuses a required member it is told to ignore. ComputeAsync sets both.
        [JsonIgnore] public IncidentFilter Filter { get; init; } = null!;
        [JsonIgnore] public RateRatioTest.Result Test { get; init; } = null!;

        public string SentenceIn(EffectSentence.Phrase phrase) => EffectSentence.Of(Filter, Split, Test, Months, phrase);

        public string ChartTitle(EffectSentence.Phrase phrase)
        {
            var text = EffectSentence.Describe(Filter, phrase);
            return phrase(EffectSentence.ChartTitle, char.ToUpperInvariant(text[0]) + text[1..]);
        }
    }

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
        var sentence = EffectSentence.Of(filter, split, test, months.Value, EffectSentence.English);
        return (new Result(split, months.Value, beforeFrom, afterTo, before, after, imprecise, test.RateBefore, test.RateAfter,
            test.RateRatio, test.Lower, test.Upper, test.PValue, sentence,
            perMonth.Select(kv => new MonthCount(kv.Key.ToString("yyyy-MM", CultureInfo.InvariantCulture), kv.Value)).ToList())
            { Filter = filter, Test = test }, null);
    }

    public static string Describe(IncidentFilter filter) => EffectSentence.Describe(filter, EffectSentence.English);

    private static int MonthsBetween(DateOnly from, DateOnly to) => (to.Year - from.Year) * 12 + to.Month - from.Month - (to.Day < from.Day ? 1 : 0);
}
