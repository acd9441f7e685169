using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Parley.Data;

namespace Parley.Identity;

/// A user lists and revokes their own sessions; an administrator anyone's (`?user=NAME`).
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
            var found = await db.Users.Where(u => u.UserName == user).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);
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
        Guid id, ClaimsPrincipal principal, ParleyDbContext db, Sessions sessions, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var owner = await db.UserSessions.Where(s => s.Id == id).Select(s => (Guid?)s.UserId).SingleOrDefaultAsync(ct);
        // Someone else's session is "not found" unless the caller administers users.
        if (owner is null || (owner != actor.UserId && !actor.Has(Roles.Administrator))) return TypedResults.NotFound();
        await sessions.RevokeAsync(id, ct);
        return TypedResults.NoContent();
    }
}
