using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Parley.Data;

namespace Parley.Identity;

/// A user lists and revokes their own sessions; an administrator those of their own party's users (`?user=NAME`).
public static class SessionsApi
{
    public sealed record SessionDto(Guid Id, string UserName, DateTime CreatedAt, DateTime LastSeenAt, DateTime ExpiresAt,
        string Method, string? UserAgent, bool Current);

    public static RouteGroupBuilder MapSessions(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/sessions").WithTags("Session").RequireAuthorization();
        group.MapGet("/", ListAsync);
        group.MapDelete("/{id:guid}", RevokeAsync);
        return group;
    }

    private static async Task<Results<Ok<List<SessionDto>>, NotFound, ForbidHttpResult>> ListAsync(
        string? user, ClaimsPrincipal principal, ParleyDbContext db, Sessions sessions, TimeProvider time, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var userId = actor.UserId;
        if (user is not null && user != actor.UserName)
        {
            if (!actor.Has(Roles.Administrator)) return TypedResults.Forbid();
            var found = await AdminScope.Users(db, actor).Where(u => u.UserName == user).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);
            if (found is null) return TypedResults.NotFound();
            userId = found.Value;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var current = Sessions.CurrentId(principal);
        var rows = await db.UserSessions.AsNoTracking().Include(s => s.User)
            .Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now)
            .OrderByDescending(s => s.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(rows.Where(s => sessions.IsLive(s, now))
            .Select(s => new SessionDto(s.Id, s.User!.UserName, s.CreatedAt, s.LastSeenAt, s.ExpiresAt, s.Method, s.UserAgent, s.Id == current))
            .ToList());
    }

    private static async Task<Results<NoContent, NotFound>> RevokeAsync(
        Guid id, ClaimsPrincipal principal, ParleyDbContext db, TimeProvider time, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var now = time.GetUtcNow().UtcDateTime;
        var administrator = actor.Has(Roles.Administrator);
        var userId = actor.UserId;
        var partyUsers = AdminScope.Users(db, actor).Select(u => u.Id);
        // Someone else's session is "not found" unless the caller administers that user's party; the scope
        // is in the one statement, so a hidden session costs what a missing one does.
        var revoked = await db.UserSessions
            .Where(s => s.Id == id && (s.UserId == userId || (administrator && partyUsers.Contains(s.UserId))))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, x => x.RevokedAt ?? now), ct);
        return revoked == 1 ? TypedResults.NoContent() : TypedResults.NotFound();
    }
}
