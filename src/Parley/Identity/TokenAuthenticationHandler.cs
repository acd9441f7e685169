using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Data;

namespace Parley.Identity;

/// Authenticates machine clients by `Authorization: Bearer pky_…` against stored token hashes.
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ParleyDbContext db,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";
    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(5);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(ApiTokens.Prefix, StringComparison.Ordinal))
            return AuthenticateResult.Fail("Not a Parley API token.");

        var hash = ApiTokens.Hash(token);
        var now = time.GetUtcNow().UtcDateTime;
        var found = await db.ApiTokens.AsNoTracking()
            .Where(t => t.Hash == hash)
            .Select(t => new { t.Id, t.ExpiresAt, t.RevokedAt, t.LastUsedAt, t.User, PartyId = t.User!.Agency!.PartyId })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (found is null || found.RevokedAt is not null || found.ExpiresAt <= now)
            return AuthenticateResult.Fail("The token is unknown, revoked or expired.");

        if (found.LastUsedAt is null || now - found.LastUsedAt > LastUseResolution)
            await db.ApiTokens.Where(t => t.Id == found.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);

        var identity = Actor.ToIdentity(found.User!, found.PartyId, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
