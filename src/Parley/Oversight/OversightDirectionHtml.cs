using System.Text;
using static Parley.Oversight.OversightCharts;
using static Parley.Oversight.OversightHtml;

namespace Parley.Oversight;

/// One direction's part of the HTML report.
public static class OversightDirectionHtml
{
    public static void Write(StringBuilder h, DirectionReport d)
    {
        h.Append($"<section><h2>Requests {E(Arrow(d))}</h2>");
        if (d.Requests.Total == 0) h.Append("<p class=\"empty\">No requests submitted in this period.</p>");
        else h.Append("<div class=\"row\">").Append(Counts("Kind", d.Requests.ByKind)).Append(Counts("Priority", d.Requests.ByPriority)).Append("</div>");

        h.Append("<h3>Time to respond</h3><table><tr><th>Priority</th><th>Clock</th><th>Acknowledge: n · median · p90 (h)</th><th>First answer</th><th>Final answer</th></tr>");
        foreach (var t in d.Timings)
            h.Append($"<tr><td>{E(t.Priority)}</td><td>{E(t.Clock)}</td><td>{S(t.Acknowledge)}</td><td>{S(t.FirstAnswer)}</td><td>{S(t.FinalAnswer)}</td></tr>");
        h.Append("</table>");
        var timed = d.Timings.Where(t => t.Acknowledge.Count + t.FirstAnswer.Count + t.FinalAnswer.Count > 0).ToList();
        if (timed.Count > 0)
        {
            string[] groups = [.. timed.Select(t => $"{t.Priority} ({t.Clock} h)")];
            h.Append("<div class=\"charts\">");
            h.Append(Figure(GroupedBars($"{Arrow(d)}: median hours", "hours", groups,
                [new("Acknowledge", [.. timed.Select(t => t.Acknowledge.Median ?? 0)]), new("First answer", [.. timed.Select(t => t.FirstAnswer.Median ?? 0)]), new("Final answer", [.. timed.Select(t => t.FinalAnswer.Median ?? 0)])])));
            h.Append(Figure(GroupedBars($"{Arrow(d)}: 90th percentile hours", "hours", groups,
                [new("Acknowledge", [.. timed.Select(t => t.Acknowledge.P90 ?? 0)]), new("First answer", [.. timed.Select(t => t.FirstAnswer.P90 ?? 0)]), new("Final answer", [.. timed.Select(t => t.FinalAnswer.P90 ?? 0)])])));
            h.Append("</div>");
        }

        h.Append("<h3>Deadlines</h3><table><tr><th>Deadline</th><th>Met</th><th>Missed</th><th>Within target</th></tr>");
        foreach (var t in d.Targets) h.Append($"<tr><td>{E(t.Deadline)}</td><td>{t.Met}</td><td>{t.Missed}</td><td>{Pct(t.ShareWithinTarget)}</td></tr>");
        h.Append($"<tr><th>Missed in all</th><td></td><td>{d.Missed.Total}</td><td></td></tr></table>");

        h.Append("<h3>Escalations</h3>");
        if (d.Escalations.Total == 0) h.Append("<p class=\"empty\">No escalations in this period.</p>");
        else
        {
            h.Append("<div class=\"row\">").Append(Counts("Cause", d.Escalations.ByCause));
            h.Append("<table><tr><th>Highest level</th><th>Escalations</th><th>Acknowledged there</th><th>Median h to acknowledge</th><th>p90 h</th></tr>");
            foreach (var l in d.Escalations.ByLevel)
                h.Append($"<tr><td>{l.Level} {E(l.Name)}</td><td>{l.Reached}</td><td>{l.Acknowledged}</td><td>{N(l.MedianHoursToAcknowledge)}</td><td>{N(l.P90HoursToAcknowledge)}</td></tr>");
            h.Append("</table></div>");
        }

        Quality(h, d);
        h.Append("<h3>Open backlog at the end of the period</h3>");
        if (d.Backlog.Total == 0) h.Append("<p class=\"empty\">No open requests at the end of the period.</p>");
        else
        {
            h.Append("<table><tr>").Append(string.Concat(OversightNames.AgeBands.Select(b => $"<th>{E(b.Label)}</th>"))).Append("<th>Total</th></tr><tr>");
            h.Append(string.Concat(d.Backlog.ByAge.Values.Select(v => $"<td>{v}</td>"))).Append($"<td>{d.Backlog.Total}</td></tr></table>");
        }
        h.Append("</section>");
    }

    private static void Quality(StringBuilder h, DirectionReport d)
    {
        var q = d.Quality;
        h.Append($"<h3>Quality of {E(d.Responding)}'s answers (rated by {E(d.Requesting)})</h3>");
        if (q.Averages is not { } a) { h.Append("<p class=\"empty\">No ratings in this period.</p>"); return; }
        h.Append($"<div class=\"row\"><table><tr><th>Ratings</th><th>Completeness</th><th>Relevance</th><th>Actionability</th><th>Overall</th></tr><tr><td>{q.Ratings}</td><td>{N(a.Completeness)}</td><td>{N(a.Relevance)}</td><td>{N(a.Actionability)}</td><td>{N(a.Overall)}</td></tr></table>");
        h.Append(Counts("Outcome", q.Outcomes)).Append("</div>");
        h.Append("<div class=\"charts\">").Append(Figure(GroupedBars($"{Arrow(d)}: scores given", "ratings", ["1", "2", "3", "4", "5"],
            q.Histogram.Select(kv => new Series(kv.Key, [.. kv.Value.Select(v => (double)v)])).ToList()))).Append("</div>");
    }

    private static string S(Stat s) => s.Count == 0 ? "–" : $"{s.Count} · {N(s.Median)} · {N(s.P90)}";
}
