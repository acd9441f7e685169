using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Identity;
using Parley.Audit;

namespace Parley.Incidents;

/// /api/v1/incidents: the register (list, read, register, replace, delete) plus trend and effect.
public static class IncidentsApi
{
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapIncidents(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/incidents").WithTags("Incidents");
        group.RequireAuthorization(Policies.IncidentReader);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapGet("/trend", IncidentAnalysisApi.TrendAsync);
        group.MapGet("/effect", IncidentAnalysisApi.EffectAsync);
        group.MapGet("/effect/chart.svg", IncidentAnalysisApi.EffectChartAsync);
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.IncidentWriter);
        group.MapPut("/{id:guid}", ReplaceAsync).RequireAuthorization(Policies.IncidentWriter);
        group.MapDelete("/{id:guid}", DeleteAsync).RequireAuthorization(Policies.IncidentWriter);
        return group;
    }

    public sealed record ListQuery(string? Sponsor, string? Victim, string? Category, string? Sector, string? IntrusionSet,
        string? From, string? To, string? MinConfidence, int? Page, int? PageSize);

    public sealed record IncidentPage(IReadOnlyList<IncidentDto> Items, int Page, int PageSize, int Total);

    public static async Task<Results<Ok<IncidentPage>, ValidationProblem>> ListAsync([AsParameters] ListQuery query, ParleyDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = IncidentFilter.Parse(query.Sponsor, query.Victim, query.Category, query.Sector, query.IntrusionSet, query.From, query.To, query.MinConfidence, errors);
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? 50;
        if (page < 1) errors["page"] = ["page starts at 1."];
        if (pageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"pageSize is between 1 and {MaxPageSize}."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var q = filter.Apply(db, db.Incidents.AsNoTracking());
        var total = await q.CountAsync(ct);
        var items = await Load(q.OrderByDescending(i => i.FirstSeen).ThenBy(i => i.Id).Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        return TypedResults.Ok(new IncidentPage(items.Select(IncidentDto.From).ToList(), page, pageSize, total));
    }

    private static async Task<Results<Ok<IncidentDto>, NotFound>> GetAsync(Guid id, ParleyDbContext db, CancellationToken ct) =>
        await Load(db.Incidents.AsNoTracking()).SingleOrDefaultAsync(i => i.Id == id, ct) is { } incident
            ? TypedResults.Ok(IncidentDto.From(incident))
            : TypedResults.NotFound();

    private static async Task<Results<Created<IncidentDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        IncidentInput body, ParleyDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (draft, errors) = await ReadAsync(body, db, ct);
        if (draft is null) return TypedResults.ValidationProblem(errors);
        var incident = IncidentWriter.Create(draft, time.GetUtcNow().UtcDateTime);
        if (await db.Incidents.AnyAsync(i => i.Key == incident.Key, ct))
            return TypedResults.Problem(draft.SourceId is null
                    ? "An incident with the same title and first-seen date is already registered."
                    : "An incident with the same id is already registered.",
                statusCode: 409, title: "Already registered");
        db.Incidents.Add(incident);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/incidents/{incident.Id}", IncidentDto.From(incident));
    }

    private static async Task<Results<Ok<IncidentDto>, NotFound, ValidationProblem>> ReplaceAsync(
        Guid id, IncidentInput body, ParleyDbContext db, TimeProvider time, CancellationToken ct)
    {
        var incident = await Load(db.Incidents).SingleOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null) return TypedResults.NotFound();
        var (draft, errors) = await ReadAsync(body, db, ct);
        if (draft is null) return TypedResults.ValidationProblem(errors);
        IncidentWriter.Replace(incident, draft, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(IncidentDto.From(incident));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(Guid id, ParleyDbContext db, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.Incidents.Where(i => i.Id == id).ExecuteDeleteAsync(ct) == 0) return TypedResults.NotFound();
        await db.RecordAsync("Incident.deleted", "Incident", id.ToString(), null, ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    public static IQueryable<Incident> Load(IQueryable<Incident> q) =>
        q.Include(i => i.Facets).Include(i => i.Sources).Include(i => i.Requests).Include(i => i.Breaches).AsSplitQuery();

    /// Reads the body and checks that the requests and commitments it names exist.
    private static async Task<(IncidentDraft? Draft, Dictionary<string, string[]> Errors)> ReadAsync(IncidentInput body, ParleyDbContext db, CancellationToken ct)
    {
        var (draft, errors, _) = IncidentReader.Read(body);
        if (draft is null) return (null, errors);
        var known = await db.Requests.Where(r => draft.RequestIds.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct);
        for (var i = 0; i < (body.RequestIds?.Length ?? 0) && known.Count < draft.RequestIds.Count; i++)
            if (!known.Contains(body.RequestIds![i])) errors[$"requestIds[{i}]"] = [$"There is no request {body.RequestIds[i]}."];
        var ids = draft.Breaches.Select(b => b.CommitmentId).ToList();
        var commitments = await db.Commitments.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        for (var i = 0; i < (body.Breaches?.Length ?? 0); i++)
            if (!commitments.Contains(body.Breaches![i].CommitmentId!.Value)) errors[$"breaches[{i}].commitmentId"] = ["There is no such commitment."];
        return errors.Count > 0 ? (null, errors) : (draft, errors);
    }
}
