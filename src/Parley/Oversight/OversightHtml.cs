using System.Globalization;
using System.Net;
using System.Text;
using static Parley.Oversight.OversightCharts;

namespace Parley.Oversight;

/// The report as one self-contained HTML page: inline CSS, charts as inline SVG, no script and no
/// external reference, so that it can be e-mailed as a single file and opened offline.
public static class OversightHtml
{
    public const string MediaType = "text/html; charset=utf-8";

    public static string Write(OversightReport report)
    {
        var h = new StringBuilder();
        var title = $"Oversight report — {report.Mechanism.Name}";
        h.Append($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)}</title><style>{OversightStyle.Css}</style></head><body>
            <header><h1>{E(title)}</h1>
            <p class="period">{E(report.Mechanism.Code)} · {Day(report.Period.From)} to {Day(report.Period.To)} (exclusive) · {E(report.Period.Basis)} · generated {report.GeneratedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC</p></header>
            """);
        Overview(h, report);
        foreach (var d in report.Directions) OversightDirectionHtml.Write(h, d);
        Hotline(h, report);
        h.Append("<section><h2>Definitions</h2><ul class=\"defs\">");
        foreach (var d in report.Definitions) h.Append($"<li>{E(d)}</li>");
        h.Append("</ul></section></body></html>\n");
        return h.ToString();
    }

    private static void Overview(StringBuilder h, OversightReport report)
    {
        var names = report.Directions.Select(d => Arrow(d)).ToArray();
        h.Append("<section><h2>Overview</h2><table><tr><th>Direction</th><th>Requests</th><th>Missed deadlines</th><th>Escalations</th><th>Ratings</th><th>Average score</th><th>Open at end</th></tr>");
        foreach (var d in report.Directions)
            h.Append($"<tr><td>{E(Arrow(d))}</td><td>{d.Requests.Total}</td><td>{d.Missed.Total}</td><td>{d.Escalations.Total}</td><td>{d.Quality.Ratings}</td><td>{N(d.Quality.Averages?.Overall)}</td><td>{d.Backlog.Total}</td></tr>");
        h.Append("</table><div class=\"charts\">");
        if (report.Directions.Any(d => d.Targets.Any(t => t.ShareWithinTarget is not null)))
            h.Append(Figure(GroupedBars("Share within target", "% of deadlines met", ["Acknowledge", "First answer", "Final answer"],
                report.Directions.Select(d => new Series(Arrow(d), d.Targets.Select(t => (t.ShareWithinTarget ?? 0) * 100).ToArray())).ToList(), yMax: 100)));
        if (report.Directions.Any(d => d.Backlog.Total > 0))
            h.Append(Figure(GroupedBars("Open backlog by age at the end of the period", "requests", OversightNames.AgeBands.Select(b => b.Label).ToArray(),
                report.Directions.Select(d => new Series(Arrow(d), d.Backlog.ByAge.Values.Select(v => (double)v).ToArray())).ToList())));
        var levels = report.Directions.FirstOrDefault()?.Escalations.ByLevel ?? [];
        if (report.Directions.Any(d => d.Escalations.Total > 0) && levels.Count > 0)
            h.Append(Figure(GroupedBars("Escalations by highest level reached", "escalations", levels.Select(l => $"{l.Level} {l.Name}").ToArray(),
                report.Directions.Select(d => new Series(Arrow(d), d.Escalations.ByLevel.Select(l => (double)l.Reached).ToArray())).ToList())));
        h.Append("</div></section>");
    }

    private static void Hotline(StringBuilder h, OversightReport report)
    {
        var hot = report.Hotline;
        h.Append("<section><h2>Hotline</h2>");
        if (hot.Sessions == 0) h.Append("<p class=\"empty\">No hotline sessions in this period.</p>");
        else
        {
            h.Append($"<table><tr><th>Sessions</th><th>Both sides acknowledged</th><th>Median hours to both acknowledged</th><th>p90 hours</th></tr><tr><td>{hot.Sessions}</td><td>{hot.BothSidesAcknowledged}</td><td>{N(hot.MedianHoursToBothAcknowledged)}</td><td>{N(hot.P90HoursToBothAcknowledged)}</td></tr></table>");
            h.Append(Counts("Outcome", hot.ByOutcome));
        }
        h.Append("<h3>Communication checks</h3>");
        if (report.CommunicationChecks.All(c => c.Pings == 0)) h.Append("<p class=\"empty\">No communication checks in this period.</p>");
        else
        {
            h.Append("<table><tr><th>Party</th><th>Pings</th><th>On time</th><th>Late</th><th>Never</th><th>Pending</th><th>Share on time</th><th>Share answered</th></tr>");
            foreach (var c in report.CommunicationChecks)
                h.Append($"<tr><td>{E(c.Party)}</td><td>{c.Pings}</td><td>{c.OnTime}</td><td>{c.Late}</td><td>{c.Never}</td><td>{c.Pending}</td><td>{Pct(c.ShareOnTime)}</td><td>{Pct(c.ShareAnswered)}</td></tr>");
            h.Append("</table>");
        }
        h.Append("</section>");
    }

    internal static string Arrow(DirectionReport d) => $"{d.Requesting} → {d.Responding}";

    internal static string Figure(string svg) => $"<figure>{svg}</figure>";

    internal static string Counts(string heading, IReadOnlyDictionary<string, int> counts)
    {
        var h = new StringBuilder($"<table class=\"counts\"><tr><th>{E(heading)}</th><th>Count</th></tr>");
        foreach (var (key, n) in counts) h.Append($"<tr><td>{E(key)}</td><td>{n}</td></tr>");
        return h.Append("</table>").ToString();
    }

    internal static string E(string text) => WebUtility.HtmlEncode(text);

    internal static string N(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "–";

    internal static string Pct(double? share) => share is { } s ? (s * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %" : "–";

    private static string Day(DateTime t) => t.TimeOfDay == TimeSpan.Zero
        ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
