using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Data;

namespace Parley.Identity;

/// Authenticates machine clients by `Authorization: Bearer pky_…` or HTTP Basic (user name, token as
/// the password) against stored token hashes.
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ParleyDbContext db,
    VerifiedTokens verified,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";
    public const string ScopesClaim = "parley:scopes";
    /// The token's id, so that the audit trail names the token rather than only its user.
    public const string TokenIdClaim = "parley:token";
    /// Last use is written at most once a minute per token, so a busy client does not write on every call.
    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);
    /// Marks the statements authentication runs (`-- token authentication` in their SQL).
    public const string SqlTag = "token authentication";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        string? userName = null;
        string token;
        if (header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            token = header["Bearer ".Length..].Trim();
        else if (header is not null && header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            // TAXII clients mostly speak HTTP Basic: the user name, and an API token as the password.
            if (!TryDecodeBasic(header["Basic ".Length..].Trim(), out userName, out token))
                return AuthenticateResult.Fail("Malformed Basic credentials.");
        }
        else
            return AuthenticateResult.NoResult();
        if (!token.StartsWith(ApiTokens.Prefix, StringComparison.Ordinal))
            return AuthenticateResult.Fail("Not a Parley API token.");

        var hash = ApiTokens.Hash(token);
        var now = time.GetUtcNow().UtcDateTime;
        var found = verified.Find(hash) ?? await LookUpAsync(hash);
        if (found is null || found.ExpiresAt <= now
            || (userName is not null && !string.Equals(userName, found.User.UserName, StringComparison.Ordinal)))
            return AuthenticateResult.Fail("The token is unknown, revoked or expired, or its user is disabled.");

        if (found.LastUsedAt is null || now - found.LastUsedAt >= LastUseResolution)
        {
            // Compare-and-set: of several requests in the same minute, one writes.
            var before = now - LastUseResolution;
            await db.ApiTokens.TagWith(SqlTag).Where(t => t.Id == found.TokenId && (t.LastUsedAt == null || t.LastUsedAt <= before))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
            verified.Used(hash, now);
        }

        var identity = Actor.ToIdentity(found.User, found.PartyId, SchemeName);
        identity.AddClaim(new Claim(ScopesClaim, ((int)found.Scopes).ToString()));
        identity.AddClaim(new Claim(TokenIdClaim, found.TokenId.ToString()));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// A token that is valid now (not revoked, its user enabled), read from the database and remembered.
    private async Task<VerifiedTokens.Verified?> LookUpAsync(byte[] hash)
    {
        var generation = verified.Generation;
        var row = await db.ApiTokens.AsNoTracking().TagWith(SqlTag)
            .Where(t => t.Hash == hash && t.RevokedAt == null && t.User!.DisabledAt == null)
            .Select(t => new VerifiedTokens.Verified(t.Id, t.Scopes, t.ExpiresAt, t.LastUsedAt, t.User!, t.User!.Agency!.PartyId))
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (row is not null) verified.Remember(hash, row, generation);
        return row;
    }

    private static bool TryDecodeBasic(string encoded, out string userName, out string password)
    {
        userName = password = "";
        var bytes = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, bytes, out var length)) return false;
        var text = System.Text.Encoding.UTF8.GetString(bytes, 0, length);
        var colon = text.IndexOf(':');
        if (colon <= 0) return false;
        (userName, password) = (text[..colon], text[(colon + 1)..]);
        return true;
    }
}
