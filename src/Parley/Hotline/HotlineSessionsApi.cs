using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using Parley.Data;
using Parley.Directory;
using Parley.Identity;

namespace Parley.Hotline;

/// Hotline sessions between the parties of a mechanism. Case readers of a member party read them;
/// hotline officers and supervisors open, acknowledge, annotate and close them.
public static class HotlineSessionsApi
{
    public static void MapHotlineSessions(this RouteGroupBuilder hotline)
    {
        var group = hotline.MapGroup("/sessions").RequireAuthorization(Policies.CaseReader);
        group.MapGet("/", ListAsync);
        group.MapPost("/", OpenHotlineSession.HandleAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapHotlineSessionSteps();
    }

    public sealed record Query(string? Status, string? Mechanism, DateTimeOffset? From, DateTimeOffset? To);

    public static async Task<Results<Ok<List<SessionSummary>>, ValidationProblem, NotFound>> ListAsync(
        [AsParameters] Query query, ClaimsPrincipal principal, ParleyDbContext db, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        HotlineSessionStatus? status = null;
        switch (query.Status?.ToLowerInvariant())
        {
            case null or "" or "all": break;
            case "open": status = HotlineSessionStatus.Open; break;
            case "closed": status = HotlineSessionStatus.Closed; break;
            default: return HotlineProblems.Invalid("status", "status is open, closed or all.");
        }
        var mechanisms = await HotlineAccess.MechanismIdsAsync(db, actor, ct);
        if (query.Mechanism is not null)
        {
            var m = await HotlineAccess.FindMechanismAsync(db, query.Mechanism, actor, ct);
            if (m is null) return TypedResults.NotFound();
            mechanisms = [m.Id];
        }
        var q = Sessions(db).Where(s => mechanisms.Contains(s.MechanismId));
        if (status is { } st) q = q.Where(s => s.Status == st);
        if (query.From is { } from) { var f = from.UtcDateTime; q = q.Where(s => s.OpenedAt >= f); }
        if (query.To is { } to) { var t = to.UtcDateTime; q = q.Where(s => s.OpenedAt < t); }
        var sessions = await q.OrderByDescending(s => s.OpenedAt).ThenByDescending(s => s.Id).Take(1000).ToListAsync(ct);
        var map = await HotlineSessionMapping.LoadAsync(db, sessions, ct);
        return TypedResults.Ok(sessions.Select(map.ToSummary).ToList());
    }

    private static async Task<Results<Ok<SessionDetail>, NotFound>> GetAsync(
        Guid id, ClaimsPrincipal principal, ParleyDbContext db, HttpContext http, CancellationToken ct)
    {
        var session = await FindAsync(db, id, Actor.From(principal), ct);
        if (session is null) return TypedResults.NotFound();
        return await DetailAsync(db, session, http, ct);
    }

    public static IQueryable<HotlineSession> Sessions(ParleyDbContext db) =>
        db.HotlineSessions.Include(s => s.Participants).Include(s => s.Notes).Include(s => s.Requests).AsSplitQuery();

    /// The session, when the caller's party belongs to its mechanism; null otherwise (404 alike, same statements).
    public static Task<HotlineSession?> FindAsync(ParleyDbContext db, Guid id, Actor actor, CancellationToken ct)
    {
        var mine = MechanismMembership.MechanismIdsOf(db, actor.PartyId);
        return Sessions(db).SingleOrDefaultAsync(s => s.Id == id && mine.Contains(s.MechanismId), ct);
    }

    public static async Task<Ok<SessionDetail>> DetailAsync(ParleyDbContext db, HotlineSession session, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.ETag = ETag(session);
        var map = await HotlineSessionMapping.LoadAsync(db, [session], ct);
        return TypedResults.Ok(map.ToDetail(session));
    }

    public static string ETag(HotlineSession session) => $"\"{session.Version}\"";

    /// True without If-Match, or when one of its tags is the session's current one (or *).
    public static bool Matches(StringValues ifMatch, HotlineSession session) =>
        StringValues.IsNullOrEmpty(ifMatch)
        || ifMatch.SelectMany(v => v!.Split(',')).Select(t => t.Trim()).Any(t => t == "*" || t == ETag(session) || t == "W/" + ETag(session));
}
