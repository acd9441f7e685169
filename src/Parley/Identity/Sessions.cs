using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Data;

namespace Parley.Identity;

/// Server-side sessions behind the sign-in cookie, and the short-lived "pending" cookie that sits
/// between the password and the second factor. The pending cookie is a scheme of its own that the
/// API and the pages never accept, so a user half-way through signing in can do nothing else.
public sealed class Sessions(ParleyDbContext db, TimeProvider time, IOptions<SignInOptions> options)
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string PendingScheme = "Parley.Pending";
    public const string PendingCookie = "parley.pending";
    public const string SessionClaim = "parley:session";
    public const string StageClaim = "parley:stage";
    public const string StageSecondFactor = "second-factor";
    public const string StageEnrolment = "enrolment";
    private static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    /// The password is right and a second factor is due: remember who, for a few minutes.
    public static async Task<string> BeginPendingAsync(HttpContext http, User user)
    {
        var stage = user.HasSecondFactor ? StageSecondFactor : StageEnrolment;
        var identity = new ClaimsIdentity([new Claim(Actor.UserIdClaim, user.Id.ToString()), new Claim(StageClaim, stage)], PendingScheme);
        await http.SignInAsync(PendingScheme, new ClaimsPrincipal(identity));
        return stage;
    }

    /// The user the pending cookie names, with the stage it is at; null when there is none or it expired.
    public async Task<(User User, string Stage)?> PendingAsync(HttpContext http, CancellationToken ct)
    {
        var result = await http.AuthenticateAsync(PendingScheme);
        if (!result.Succeeded || result.Principal.FindFirstValue(Actor.UserIdClaim) is not { } id) return null;
        var user = await db.Users.Include(u => u.Agency).SingleOrDefaultAsync(u => u.Id == Guid.Parse(id), ct);
        return user is null ? null : (user, result.Principal.FindFirstValue(StageClaim)!);
    }

    /// Signs the user in: a session record, and a cookie that carries its id.
    public async Task<ClaimsPrincipal> StartAsync(HttpContext http, User user, string method, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var session = new UserSession
        {
            Id = Guid.CreateVersion7(now),
            UserId = user.Id,
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + options.Value.SessionLifetime,
            Method = method,
            UserAgent = Truncate(http.Request.Headers.UserAgent.ToString(), 200),
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(ct);
        var identity = Actor.ToIdentity(user, user.Agency!.PartyId, CookieScheme);
        identity.AddClaim(new Claim(SessionClaim, session.Id.ToString()));
        var principal = new ClaimsPrincipal(identity);
        if (http.Request.Cookies.ContainsKey(PendingCookie)) await http.SignOutAsync(PendingScheme);
        await http.SignInAsync(CookieScheme, principal);
        return principal;
    }

    /// Every request with the cookie: the session must exist, be unrevoked, within its absolute
    /// lifetime and used recently enough. Last use is written at most once a minute.
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var id = context.Principal?.FindFirstValue(SessionClaim);
        var session = id is null || !Guid.TryParse(id, out var sessionId) ? null
            : await db.UserSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, context.HttpContext.RequestAborted);
        if (session is null || !IsLive(session, now))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
            return;
        }
        if (now - session.LastSeenAt >= LastSeenResolution)
            await db.UserSessions.Where(s => s.Id == session.Id && s.LastSeenAt < now - LastSeenResolution)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), context.HttpContext.RequestAborted);
    }

    public bool IsLive(UserSession session, DateTime now) =>
        session.RevokedAt is null && now < session.ExpiresAt && now - session.LastSeenAt < options.Value.IdleTimeout;

    /// Sign-out: the session record is revoked, not only the cookie dropped.
    public async Task EndAsync(HttpContext http, CancellationToken ct)
    {
        if (http.User.FindFirstValue(SessionClaim) is { } id && Guid.TryParse(id, out var sessionId))
            await RevokeAsync(sessionId, ct);
        await http.SignOutAsync(CookieScheme);
    }

    public async Task<bool> RevokeAsync(Guid sessionId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db.UserSessions.Where(s => s.Id == sessionId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct) == 1;
    }

    /// Every live session of the user but one (after a password change, or an administrator's reset).
    public async Task RevokeAllAsync(Guid userId, Guid? except, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.UserSessions.Where(s => s.UserId == userId && s.RevokedAt == null && s.Id != except)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct);
    }

    public static Guid? CurrentId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(SessionClaim), out var id) ? id : null;

    private static string? Truncate(string value, int max) =>
        value.Length == 0 ? null : value.Length <= max ? value : value[..max];
}
