using System.Globalization;
using System.Text;

namespace Parley.Oversight;

/// The report as one tidy table: section, direction, metric, dimension, value (RFC 4180, UTF-8).
/// Direction is empty for the mechanism-wide sections (period, hotline, communication checks).
public static class OversightCsv
{
    public const string MediaType = "text/csv; charset=utf-8";
    public const string Header = "section,direction,metric,dimension,value";

    public sealed record Row(string Section, string Direction, string Metric, string Dimension, string Value);

    public static string Write(OversightReport report)
    {
        var text = new StringBuilder(Header).Append("\r\n");
        foreach (var r in Rows(report))
            text.Append(string.Join(',', new[] { r.Section, r.Direction, r.Metric, r.Dimension, r.Value }.Select(Quote))).Append("\r\n");
        return text.ToString();
    }

    public static IEnumerable<Row> Rows(OversightReport report)
    {
        yield return new Row("period", "", "from", "", report.Period.From.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        yield return new Row("period", "", "to", "", report.Period.To.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        foreach (var d in report.Directions)
            foreach (var row in Direction(d))
                yield return row;

        var h = report.Hotline;
        yield return new Row("hotline", "", "sessions", "total", V(h.Sessions));
        foreach (var (outcome, n) in h.ByOutcome) yield return new Row("hotline", "", "sessions", $"outcome={outcome}", V(n));
        yield return new Row("hotline", "", "both-acknowledged", "total", V(h.BothSidesAcknowledged));
        yield return new Row("hotline", "", "median-hours-to-both-acknowledged", "", V(h.MedianHoursToBothAcknowledged));
        yield return new Row("hotline", "", "p90-hours-to-both-acknowledged", "", V(h.P90HoursToBothAcknowledged));
        foreach (var c in report.CommunicationChecks)
        {
            var party = $"party={c.Party}";
            foreach (var (metric, value) in new (string, double?)[] { ("pings", c.Pings), ("on-time", c.OnTime), ("late", c.Late), ("never", c.Never), ("pending", c.Pending), ("share-on-time", c.ShareOnTime), ("share-answered", c.ShareAnswered) })
                yield return new Row("communication-checks", "", metric, party, V(value));
        }
    }

    private static IEnumerable<Row> Direction(DirectionReport d)
    {
        Row R(string section, string metric, string dimension, double? value) => new(section, d.Direction, metric, dimension, V(value));

        yield return R("requests", "count", "total", d.Requests.Total);
        foreach (var (kind, n) in d.Requests.ByKind) yield return R("requests", "count", $"kind={kind}", n);
        foreach (var (priority, n) in d.Requests.ByPriority) yield return R("requests", "count", $"priority={priority}", n);
        foreach (var t in d.Timings)
        {
            var dimension = $"priority={t.Priority};clock={t.Clock}";
            foreach (var (name, stat) in new[] { ("acknowledge", t.Acknowledge), ("first-answer", t.FirstAnswer), ("final-answer", t.FinalAnswer) })
            {
                yield return R("timing", $"{name}.count", dimension, stat.Count);
                yield return R("timing", $"{name}.median-hours", dimension, stat.Median);
                yield return R("timing", $"{name}.p90-hours", dimension, stat.P90);
            }
        }
        foreach (var t in d.Targets)
        {
            yield return R("targets", "met", $"deadline={t.Deadline}", t.Met);
            yield return R("targets", "missed", $"deadline={t.Deadline}", t.Missed);
            yield return R("targets", "share-within-target", $"deadline={t.Deadline}", t.ShareWithinTarget);
        }
        yield return R("missed", "count", "total", d.Missed.Total);
        foreach (var (kind, n) in d.Missed.ByDeadline) yield return R("missed", "count", $"deadline={kind}", n);
        yield return R("escalations", "count", "total", d.Escalations.Total);
        foreach (var (cause, n) in d.Escalations.ByCause) yield return R("escalations", "count", $"cause={cause}", n);
        foreach (var l in d.Escalations.ByLevel)
        {
            yield return R("escalations", "reached", $"level={l.Level}", l.Reached);
            yield return R("escalations", "acknowledged", $"level={l.Level}", l.Acknowledged);
            yield return R("escalations", "median-hours-to-acknowledge", $"level={l.Level}", l.MedianHoursToAcknowledge);
            yield return R("escalations", "p90-hours-to-acknowledge", $"level={l.Level}", l.P90HoursToAcknowledge);
        }
        var q = d.Quality;
        yield return R("quality", "ratings", "total", q.Ratings);
        foreach (var (dimension, value) in new[] { ("completeness", q.Averages?.Completeness), ("relevance", q.Averages?.Relevance), ("actionability", q.Averages?.Actionability), ("overall", q.Averages?.Overall) })
            yield return R("quality", "average", dimension, value);
        foreach (var (dimension, counts) in q.Histogram)
            for (var score = 1; score <= 5; score++)
                yield return R("quality", "ratings", $"{dimension}={score}", counts[score - 1]);
        foreach (var (outcome, n) in q.Outcomes) yield return R("quality", "ratings", $"outcome={outcome}", n);
        yield return R("backlog", "open", "total", d.Backlog.Total);
        foreach (var (band, n) in d.Backlog.ByAge) yield return R("backlog", "open", $"age={band}", n);
    }

    private static string V(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}
