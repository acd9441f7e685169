using System.CommandLine;
using System.Globalization;
using Parley.Data;
using Parley.Incidents;

namespace Parley.Cli;

/// `parley incidents trend|effect …`: the register's trend as a table and the agreement's effect, with charts.
public static class IncidentsCommand
{
    private static readonly Option<string?> Sponsor = new("--sponsor") { Description = "Sponsoring state(s), codes or names, comma-separated: CN" };
    private static readonly Option<string?> Victim = new("--victim") { Description = "Victim country(ies): US" };
    private static readonly Option<string?> Category = new("--category") { Description = "Category(ies): commercial-espionage" };
    private static readonly Option<string?> Sector = new("--sector") { Description = "Sector(s): energy" };
    private static readonly Option<string?> IntrusionSet = new("--intrusion-set") { Description = "Intrusion set(s) by name or alias: APT1" };
    private static readonly Option<string?> MinConfidence = new("--min-confidence") { Description = "low, medium or high" };
    private static readonly Option<string?> Chart = new("--chart") { Description = "Also draw the chart to this file (.svg or .png)" };

    public static Command Create() => new("incidents", "Trends in the incident register and the agreement's measured effect") { Trend(), Effect() };

    private static Command Trend()
    {
        var interval = new Option<string?>("--interval") { Description = "month (default), quarter or year" };
        var by = new Option<string?>("--by") { Description = "Group by sponsor, victim, sector, category or intrusion-set" };
        var from = new Option<string?>("--from") { Description = "First date (YYYY-MM-DD, YYYY-MM or YYYY)" };
        var to = new Option<string?>("--to") { Description = "Last date" };
        var command = new Command("trend", "Incidents per month, quarter or year, as a table") { interval, by, Sponsor, Victim, Category, Sector, IntrusionSet, from, to, MinConfidence, Chart };
        command.SetAction(async (result, ct) =>
        {
            var query = new IncidentAnalysisApi.TrendQuery(result.GetValue(interval), result.GetValue(by), result.GetValue(Sponsor), result.GetValue(Victim),
                result.GetValue(Category), result.GetValue(Sector), result.GetValue(IntrusionSet), result.GetValue(from), result.GetValue(to), result.GetValue(MinConfidence));
            var errors = new Dictionary<string, string[]>();
            var filter = IncidentFilter.Parse(query.Sponsor, query.Victim, query.Category, query.Sector, query.IntrusionSet, query.From, query.To, query.MinConfidence, errors);
            var (i, g) = IncidentAnalysisApi.ParseTrend(query.Interval, query.GroupBy, errors);
            if (errors.Count > 0) return CliServices.Fail(string.Join(" ", errors.SelectMany(e => e.Value)));
            await using var services = await CliServices.OpenAsync(result.GetValue(ParleyCli.DbOption), ct);
            await using var scope = services.CreateAsyncScope();
            var trend = await IncidentTrend.ComputeAsync(scope.ServiceProvider.GetRequiredService<ParleyDbContext>(), filter, i, g, ct);
            Console.Write(Table(trend));
            if (result.GetValue(Chart) is { } path) IncidentCharts.Save(IncidentCharts.Trend(trend, IncidentEffect.Describe(filter)), path);
            return 0;
        });
        return command;
    }

    private static Command Effect()
    {
        var split = new Option<string?>("--split") { Description = "Split date (YYYY-MM-DD); default: the mechanism's agreement date" };
        var months = new Option<int?>("--months") { Description = "Length of each window in months; default: as long as the register allows on both sides" };
        var mechanism = new Option<string?>("--mechanism") { Description = "Mechanism code (US-CN): its agreement and dialogue rounds are marked on the chart" };
        var command = new Command("effect", "Rate of incidents before and after a date: rate ratio, exact 95% CI, p-value") { split, months, mechanism, Sponsor, Victim, Category, Sector, IntrusionSet, MinConfidence, Chart };
        command.SetAction(async (result, ct) =>
        {
            var query = new IncidentAnalysisApi.EffectQuery(result.GetValue(split), result.GetValue(months), result.GetValue(mechanism), result.GetValue(Sponsor),
                result.GetValue(Victim), result.GetValue(Category), result.GetValue(Sector), result.GetValue(IntrusionSet), result.GetValue(MinConfidence));
            await using var services = await CliServices.OpenAsync(result.GetValue(ParleyCli.DbOption), ct);
            await using var scope = services.CreateAsyncScope();
            var (effect, markers, errors) = await IncidentAnalysisApi.RunEffectAsync(query, scope.ServiceProvider.GetRequiredService<ParleyDbContext>(), ct);
            if (effect is null) return CliServices.Fail(string.Join(" ", errors.SelectMany(e => e.Value)));
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine($"window        {effect.BeforeFrom:yyyy-MM-dd} .. {effect.Split:yyyy-MM-dd} .. {effect.AfterTo:yyyy-MM-dd} ({effect.Months} months each)");
            Console.WriteLine($"before        {effect.Before} incidents, {effect.RateBefore.ToString("0.00", inv)} per month");
            Console.WriteLine($"after         {effect.After} incidents, {effect.RateAfter.ToString("0.00", inv)} per month");
            Console.WriteLine($"left out      {effect.Imprecise} (date too coarse to place)");
            Console.WriteLine($"rate ratio    {effect.RateRatio?.ToString("0.000", inv) ?? "unbounded"}  95% CI {effect.Lower?.ToString("0.000", inv)} – {effect.Upper?.ToString("0.000", inv) ?? "∞"}  p = {effect.PValue.ToString("0.0000", inv)}");
            Console.WriteLine(effect.Sentence);
            if (result.GetValue(Chart) is { } path) IncidentCharts.Save(IncidentCharts.Effect(effect, effect.ChartTitle(EffectSentence.English), markers), path);
            return 0;
        });
        return command;
    }

    public static string Table(IncidentTrend.Result trend)
    {
        var series = trend.Series;
        var widths = series.Select(s => Math.Max(6, Math.Min(s.Label.Length, 24))).ToArray();
        var text = new System.Text.StringBuilder();
        text.Append("period  ");
        for (var s = 0; s < series.Count; s++) text.Append(' ').Append(Clip(series[s].Label, widths[s]).PadLeft(widths[s]));
        text.AppendLine();
        for (var p = 0; p < trend.Periods.Count; p++)
        {
            text.Append(trend.Periods[p].PadRight(8));
            for (var s = 0; s < series.Count; s++) text.Append(' ').Append(series[s].Counts[p].ToString(CultureInfo.InvariantCulture).PadLeft(widths[s]));
            text.AppendLine();
        }
        text.Append("total   ");
        for (var s = 0; s < series.Count; s++) text.Append(' ').Append(series[s].Total.ToString(CultureInfo.InvariantCulture).PadLeft(widths[s]));
        text.AppendLine();
        text.AppendLine($"{trend.Incidents} incidents{(trend.NotPlaced > 0 ? $"; {trend.NotPlaced} dated only to a coarser period are in no row" : "")}.");
        return text.ToString();
    }

    private static string Clip(string s, int width) => s.Length <= width ? s : s[..(width - 1)] + "…";
}
