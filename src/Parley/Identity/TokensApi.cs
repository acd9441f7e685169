using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Parley.Data;

namespace Parley.Identity;

/// The caller's API tokens: create (the secret is in that response and nowhere else), list, revoke.
public static class TokensApi
{
    public const int MaxName = 100;

    public sealed record TokenInput(string? Name, int? DaysValid, IReadOnlyList<string>? Scopes);

    public sealed record CreatedToken(Guid Id, string Name, string Token, DateTime ExpiresAt, IReadOnlyList<string> Scopes);

    public sealed record TokenDto(Guid Id, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTime CreatedAt, DateTime ExpiresAt,
        DateTime? LastUsedAt, DateTime? RevokedAt);

    public static void MapTokens(this RouteGroupBuilder group)
    {
        group.MapPost("/tokens", CreateAsync);
        group.MapGet("/tokens", ListAsync);
        group.MapDelete("/tokens/{id:guid}", RevokeAsync);
    }

    public static async Task<Results<Created<CreatedToken>, ValidationProblem>> CreateAsync(
        TokenInput body, ClaimsPrincipal principal, ParleyDbContext db, TimeProvider time, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var user = await db.Users.SingleAsync(u => u.Id == actor.UserId, ct);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > MaxName)
            errors["name"] = [$"name is 1–{MaxName} characters."];
        if (body.DaysValid is < 1 or > 366)
            errors["daysValid"] = ["daysValid is between 1 and 366."];
        var allowed = TokenScopeNames.AllowedFor(user);
        // A token that makes a token cannot hand out more than it has.
        if (principal.FindFirstValue(TokenAuthenticationHandler.ScopesClaim) is { } own) allowed &= (TokenScopes)int.Parse(own);
        var scopes = allowed;
        if (body.Scopes is not null && !TokenScopeNames.TryParse(body.Scopes, out scopes))
            errors["scopes"] = [$"scopes are one or more of {string.Join(", ", TokenScopeNames.All)}."];
        else if ((scopes & ~allowed) != TokenScopes.None)
            errors["scopes"] = [$"Your roles do not allow the scope(s) {string.Join(", ", TokenScopeNames.ToNames(scopes & ~allowed))}."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var now = time.GetUtcNow().UtcDateTime;
        var (token, secret) = await UserAccounts.CreateTokenAsync(db, user, body.Name!, TimeSpan.FromDays(body.DaysValid ?? 90), now, ct, scopes);
        return TypedResults.Created($"/api/v1/tokens/{token.Id}",
            new CreatedToken(token.Id, token.Name, secret, token.ExpiresAt, TokenScopeNames.ToNames(token.Scopes)));
    }

    private static async Task<Ok<List<TokenDto>>> ListAsync(ClaimsPrincipal principal, ParleyDbContext db, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == actor.UserId).OrderBy(t => t.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(tokens.Select(t => new TokenDto(t.Id, t.Name, t.Prefix, TokenScopeNames.ToNames(t.Scopes),
            t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt)).ToList());
    }

    /// The owner, or an administrator of the owner's party, revokes a token; anyone else's token is "not
    /// found". One statement whose filter holds the scope, so a hidden token costs what a missing one does.
    public static async Task<Results<NoContent, NotFound>> RevokeAsync(
        Guid id, ClaimsPrincipal principal, ParleyDbContext db, VerifiedTokens verified, TimeProvider time, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var now = time.GetUtcNow().UtcDateTime;
        var administrator = actor.Has(Roles.Administrator);
        var userId = actor.UserId;
        var partyUsers = AdminScope.Users(db, actor).Select(u => u.Id);
        var revoked = await db.ApiTokens
            .Where(t => t.Id == id && (t.UserId == userId || (administrator && partyUsers.Contains(t.UserId))))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, t => t.RevokedAt ?? now), ct);
        if (revoked == 1) verified.Forget();
        return revoked == 1 ? TypedResults.NoContent() : TypedResults.NotFound();
    }
}
