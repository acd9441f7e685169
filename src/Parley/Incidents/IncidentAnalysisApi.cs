using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Audit;

namespace Parley.Incidents;

/// GET /api/v1/incidents/trend and /effect (and the effect chart as SVG).
public static class IncidentAnalysisApi
{
    public sealed record TrendQuery(string? Interval, string? GroupBy, string? Sponsor, string? Victim, string? Category, string? Sector,
        string? IntrusionSet, string? From, string? To, string? MinConfidence);

    public sealed record EffectQuery(string? Split, int? Months, string? Mechanism, string? Sponsor, string? Victim, string? Category,
        string? Sector, string? IntrusionSet, string? MinConfidence);

    public static async Task<Results<Ok<IncidentTrend.Result>, ValidationProblem>> TrendAsync([AsParameters] TrendQuery q, ParleyDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = IncidentFilter.Parse(q.Sponsor, q.Victim, q.Category, q.Sector, q.IntrusionSet, q.From, q.To, q.MinConfidence, errors);
        var (interval, group) = ParseTrend(q.Interval, q.GroupBy, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        await db.RecordAsync("report.incidents-trend", "IncidentRegister", "incidents", Query(q), ct);
        return TypedResults.Ok(await IncidentTrend.ComputeAsync(db, filter, interval, group, ct));
    }

    public static async Task<Results<Ok<IncidentEffect.Result>, ValidationProblem>> EffectAsync([AsParameters] EffectQuery q, ParleyDbContext db, CancellationToken ct)
    {
        var (effect, _, errors) = await RunEffectAsync(q, db, ct);
        if (effect is null) return TypedResults.ValidationProblem(errors);
        await db.RecordAsync("report.incidents-effect", "IncidentRegister", "incidents", Query(q), ct);
        return TypedResults.Ok(effect);
    }

    public static async Task<Results<ContentHttpResult, ValidationProblem>> EffectChartAsync([AsParameters] EffectQuery q, ParleyDbContext db, CancellationToken ct)
    {
        var (effect, markers, errors) = await RunEffectAsync(q, db, ct);
        if (effect is null) return TypedResults.ValidationProblem(errors);
        await db.RecordAsync("report.incidents-effect-chart", "IncidentRegister", "incidents", Query(q), ct);
        var plot = IncidentCharts.Effect(effect, effect.ChartTitle(EffectSentence.English), markers);
        return TypedResults.Content(IncidentCharts.Svg(plot), "image/svg+xml");
    }

    /// The query as the audit payload: its record's members, by name.
    private static Dictionary<string, string?> Query(object q) =>
        q.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(q)?.ToString());

    public static (TrendInterval, TrendGroup) ParseTrend(string? interval, string? groupBy, Dictionary<string, string[]> errors)
    {
        var i = TrendInterval.Month;
        if (interval is not null && !Enum.TryParse(interval, ignoreCase: true, out i))
            errors["interval"] = ["interval is month, quarter or year."];
        var g = TrendGroup.None;
        if (groupBy is not null && !Enum.TryParse(groupBy.Replace("-", ""), ignoreCase: true, out g))
            errors["groupBy"] = ["groupBy is sponsor, victim, sector, category or intrusion-set."];
        return (i, g);
    }

    /// The effect for the query, with the mechanism's agreement and dialogue rounds as chart markers.
    /// Without a split, the mechanism's agreement date is the split.
    public static async Task<(IncidentEffect.Result?, List<IncidentCharts.Marker>, Dictionary<string, string[]>)> RunEffectAsync(
        EffectQuery q, ParleyDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = IncidentFilter.Parse(q.Sponsor, q.Victim, q.Category, q.Sector, q.IntrusionSet, null, null, q.MinConfidence, errors);
        var markers = new List<IncidentCharts.Marker>();
        DateOnly? split = null;
        if (q.Mechanism is not null)
        {
            var mechanism = await CommitmentsApi.FindMechanismAsync(db, q.Mechanism, ct);
            if (mechanism is null) errors["mechanism"] = [$"There is no mechanism '{q.Mechanism}'."];
            else
            {
                split = mechanism.AgreementDate;
                markers.Add(new IncidentCharts.Marker(mechanism.AgreementDate, "agreement"));
                var rounds = await db.DialogueRounds.Where(r => r.MechanismId == mechanism.Id).OrderBy(r => r.Date).ToListAsync(ct);
                markers.AddRange(rounds.Select(r => new IncidentCharts.Marker(r.Date, r.Title)));
            }
        }
        if (q.Split is not null)
        {
            if (PartialDate.TryParse(q.Split, out var s) && s.Precision == DatePrecision.Day) split = s.Start;
            else errors["split"] = ["split is a day (YYYY-MM-DD)."];
        }
        else if (split is null && !errors.ContainsKey("mechanism")) errors["split"] = ["split is required (YYYY-MM-DD), or give a mechanism to split at its agreement date."];
        if (q.Months is not (null or (>= 1 and <= 600))) errors["months"] = ["months is between 1 and 600."];
        if (errors.Count > 0) return (null, markers, errors);
        var (effect, error) = await IncidentEffect.ComputeAsync(db, filter, split!.Value, q.Months, ct);
        if (effect is null) errors["months"] = [error!];
        return (effect, markers, errors);
    }
}
