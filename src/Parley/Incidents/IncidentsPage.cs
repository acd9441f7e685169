using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Parley.Data;
using Parley.Identity;

namespace Parley.Incidents;

/// GET /incidents: a server-rendered page with the trend and the agreement's effect for the filter in
/// the query string; charts are inline SVG, so the page needs no script and no other file.
public static class IncidentsPage
{
    public static void MapIncidentsPage(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/incidents", RenderAsync).RequireAuthorization(Policies.IncidentReader).ExcludeFromDescription();

    private static async Task<Results<ContentHttpResult, ValidationProblem>> RenderAsync(
        [AsParameters] IncidentAnalysisApi.TrendQuery q, string? split, int? months, string? mechanism, ParleyDbContext db, HttpContext http, CancellationToken ct)
    {
        // Inline CSS and SVG charts, no script.
        Web.SecurityHeaders.AllowInlineStyles(http);
        var errors = new Dictionary<string, string[]>();
        var filter = IncidentFilter.Parse(q.Sponsor, q.Victim, q.Category, q.Sector, q.IntrusionSet, q.From, q.To, q.MinConfidence, errors);
        var (interval, group) = IncidentAnalysisApi.ParseTrend(q.Interval, q.GroupBy, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var trend = await IncidentTrend.ComputeAsync(db, filter, interval, group, ct);
        var effectQuery = new IncidentAnalysisApi.EffectQuery(split, months, mechanism ?? (split is null ? "US-CN" : null),
            q.Sponsor, q.Victim, q.Category, q.Sector, q.IntrusionSet, q.MinConfidence);
        var (effect, markers, _) = await IncidentAnalysisApi.RunEffectAsync(effectQuery, db, ct);

        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Incidents · Parley</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2rem;max-width:1000px}table{border-collapse:collapse;font-size:.85rem}")
            .Append("td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}th:first-child,td:first-child{text-align:left}")
            .Append("form{display:flex;flex-wrap:wrap;gap:.5rem;margin-bottom:1rem}.sentence{font-size:1.1rem;background:#f4f4f4;padding:.75rem}")
            .Append("</style></head><body><h1>Incident register: trend and the agreement's effect</h1>");
        Form(html, q, split, months);
        html.Append("<h2>").Append(E(char.ToUpperInvariant(IncidentEffect.Describe(filter)[0]) + IncidentEffect.Describe(filter)[1..]))
            .Append($" per {interval.ToString().ToLowerInvariant()}</h2>");
        html.Append(IncidentCharts.Svg(IncidentCharts.Trend(trend, $"{trend.Incidents} incidents")));
        if (trend.NotPlaced > 0) html.Append($"<p>{trend.NotPlaced} incidents dated only to the year are in no {interval.ToString().ToLowerInvariant()}.</p>");
        Table(html, trend);
        if (effect is not null)
        {
            html.Append("<h2>Before and after ").Append(effect.Split.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</h2>");
            html.Append("<p class=\"sentence\">").Append(E(effect.Sentence)).Append("</p>");
            if (effect.Imprecise > 0) html.Append($"<p>{effect.Imprecise} incidents with dates too coarse to place on one side are left out.</p>");
            html.Append(IncidentCharts.Svg(IncidentCharts.Effect(effect, IncidentAnalysisApi.ChartTitle(effectQuery), markers)));
        }
        html.Append("</body></html>");
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static void Form(StringBuilder html, IncidentAnalysisApi.TrendQuery q, string? split, int? months)
    {
        html.Append("<form method=\"get\" action=\"/incidents\">");
        foreach (var (name, value) in new[] { ("sponsor", q.Sponsor), ("victim", q.Victim), ("category", q.Category), ("sector", q.Sector),
                     ("intrusionSet", q.IntrusionSet), ("from", q.From), ("to", q.To), ("minConfidence", q.MinConfidence),
                     ("interval", q.Interval), ("groupBy", q.GroupBy), ("split", split), ("months", months?.ToString(CultureInfo.InvariantCulture)) })
            html.Append($"<label>{name} <input name=\"{name}\" value=\"{E(value ?? "")}\" size=\"10\"></label>");
        html.Append("<button>Show</button></form>");
    }

    private static void Table(StringBuilder html, IncidentTrend.Result trend)
    {
        html.Append("<table><thead><tr><th>period</th>");
        foreach (var s in trend.Series) html.Append("<th>").Append(E(s.Label)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        for (var i = 0; i < trend.Periods.Count; i++)
        {
            html.Append("<tr><td>").Append(trend.Periods[i]).Append("</td>");
            foreach (var s in trend.Series) html.Append("<td>").Append(s.Counts[i]).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
