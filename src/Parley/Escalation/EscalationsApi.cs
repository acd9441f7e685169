using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Directory;
using Parley.Identity;
using Parley.Requests;

namespace Parley.Escalation;

/// /api/v1/escalations and /api/v1/requests/{id}/escalations. Same readers as the requests: officers,
/// supervisors and hotline officers of the parties involved; an invisible escalation is a 404.
public static class EscalationsApi
{
    public static IEndpointRouteBuilder MapEscalations(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/escalations").WithTags("Escalations");
        group.RequireAuthorization(Policies.CaseReader);
        group.MapGet("/", ListEscalations.HandleAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPost("/{id:guid}/acknowledge", EscalationDecisions.AcknowledgeAsync);
        group.MapPost("/{id:guid}/resolve", EscalationDecisions.ResolveAsync);

        var requests = routes.MapGroup("/api/v1/requests").WithTags("Escalations");
        requests.RequireAuthorization(Policies.CaseReader);
        requests.MapGet("/{id}/escalations", ForRequestAsync);
        requests.MapPost("/{id}/escalations", RaiseEscalation.HandleAsync);
        return routes;
    }

    private static async Task<Results<Ok<EscalationDto>, NotFound>> GetAsync(
        Guid id, ClaimsPrincipal principal, ParleyDbContext db, DirectoryCache directory, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        if (await FindAsync(db, id, actor, ct) is not var (escalation, request)) return TypedResults.NotFound();
        var ladder = await EscalationLadder.ForAsync(db, escalation.MechanismId, ct);
        return TypedResults.Ok(EscalationMapping.ToDto(escalation, request, ladder, actor, await directory.GetAsync(db, ct), withSteps: true));
    }

    private static async Task<Results<Ok<List<EscalationDto>>, NotFound>> ForRequestAsync(
        string id, ClaimsPrincipal principal, RequestServices s, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var request = await RequestQueries.FindAsync(s.Db, id, actor, ct);
        if (request is null) return TypedResults.NotFound();
        var escalations = await s.Db.Escalations.AsNoTracking().Include(e => e.Steps)
            .Where(e => e.RequestId == request.Id).OrderBy(e => e.RaisedAt).ThenBy(e => e.Id).ToListAsync(ct);
        var ladder = await EscalationLadder.ForAsync(s.Db, request.MechanismId, ct);
        var dir = await s.Directory.GetAsync(s.Db, ct);
        return TypedResults.Ok(escalations.Select(e => EscalationMapping.ToDto(e, request, ladder, actor, dir, withSteps: true)).ToList());
    }

    /// The escalation with its steps and its request (with the timeline, for appending to it); tracked. Null when
    /// it does not exist or its request is not the caller's to see — in one statement either way.
    public static async Task<(Escalation Escalation, Request Request)?> FindAsync(ParleyDbContext db, Guid id, Actor actor, CancellationToken ct)
    {
        var visible = RequestVisibility.IdsFor(db.Requests, actor);
        var escalation = await db.Escalations.Include(e => e.Steps).SingleOrDefaultAsync(e => e.Id == id && visible.Contains(e.RequestId), ct);
        if (escalation is null) return null;
        var request = await db.Requests.Include(r => r.Events).SingleAsync(r => r.Id == escalation.RequestId, ct);
        return (escalation, request);
    }
}
