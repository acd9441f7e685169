using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Data;
using Parley.Web;

namespace Parley.Identity;

/// Sign-in through an agency's OpenID Connect provider (authorization code flow with PKCE): the
/// provider's claims name the agency and, through configured groups, the roles; the user is matched
/// (or created) in that agency; the second factor is the provider's (amr "mfa"/"otp") or Parley's own.
public static class OidcSignIn
{
    public const string ExternalScheme = "Parley.External";
    public static string SchemeOf(string provider) => "oidc-" + provider.ToLowerInvariant();

    public static void AddParleyOidc(this WebApplicationBuilder builder, AuthenticationBuilder auth)
    {
        var options = builder.Configuration.GetSection("Oidc").Get<OidcOptions>() ?? new OidcOptions();
        builder.Services.AddOptions<OidcOptions>().BindConfiguration("Oidc");
        if (options.Providers.Count == 0) return;
        auth.AddCookie(ExternalScheme, o =>
        {
            o.Cookie.Name = "parley.external";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(10);
        });
        foreach (var (name, provider) in options.Providers)
            auth.AddOpenIdConnect(SchemeOf(name), provider.DisplayName ?? name, o =>
            {
                o.SignInScheme = ExternalScheme;
                o.Authority = provider.Authority;
                o.ClientId = provider.ClientId;
                o.ClientSecret = provider.ClientSecret;
                o.RequireHttpsMetadata = provider.RequireHttpsMetadata;
                o.ResponseType = "code";
                o.UsePkce = true;
                // The code comes back as a top-level GET, so Lax cookies (not None) carry the correlation.
                o.ResponseMode = "query";
                o.CorrelationCookie.SameSite = o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.CallbackPath = $"/signin-oidc/{name.ToLowerInvariant()}";
                o.MapInboundClaims = false;
                o.SaveTokens = false;
                o.Scope.Clear();
                o.Scope.Add("openid");
                o.Scope.Add("profile");
            });
    }

    public static void MapOidcSignIn(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/sign-in/oidc").AllowAnonymous().ExcludeFromDescription();
        group.MapGet("/{provider}", (string provider, string? returnUrl, IOptions<OidcOptions> options) =>
            !options.Value.Providers.ContainsKey(provider) ? Results.NotFound()
                : Results.Challenge(new AuthenticationProperties { RedirectUri = $"/sign-in/oidc/{Uri.EscapeDataString(provider)}/done?returnUrl={Uri.EscapeDataString(Local(returnUrl))}" },
                    [SchemeOf(provider)]));
        group.MapGet("/{provider}/done", CompleteAsync);
    }

    private static async Task<IResult> CompleteAsync(string provider, string? returnUrl, HttpContext http, IOptions<OidcOptions> options,
        ParleyDbContext db, Sessions sessions, SignIn signIn, TimeProvider time, ILoggerFactory logs, CancellationToken ct)
    {
        if (!options.Value.Providers.TryGetValue(provider, out var config)) return Results.NotFound();
        var external = await http.AuthenticateAsync(ExternalScheme);
        await http.SignOutAsync(ExternalScheme);
        if (!external.Succeeded) return Results.Redirect(WebSetup.SignInPath);
        var claims = external.Principal;
        var (user, problem) = await MatchUserAsync(provider, config, claims, db, time.GetUtcNow().UtcDateTime, ct);
        if (user is null)
        {
            logs.CreateLogger(typeof(OidcSignIn)).LogWarning("OpenID Connect sign-in through {Provider} refused: {Problem}", provider, problem);
            return Results.Problem(problem, statusCode: StatusCodes.Status403Forbidden, title: "Sign-in refused");
        }
        if (signIn.IsLocked(user)) return Results.Problem(SignIn.FailedMessage, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");

        var next = Local(returnUrl);
        var providerMfa = config.TrustMfaClaim && Amr(claims).Any(a => a is "mfa" or "otp");
        if (SecondFactor.IsNeeded(user) && !providerMfa)
        {
            var stage = await Sessions.BeginPendingAsync(http, user);
            return Results.Redirect((stage == Sessions.StageSecondFactor ? "/sign-in/code" : "/sign-in/enrol") + "?ReturnUrl=" + Uri.EscapeDataString(next));
        }
        await signIn.RecordSuccessAsync(user, ct);
        await sessions.StartAsync(http, user, $"oidc:{provider.ToLowerInvariant()}{(providerMfa ? "+mfa" : "")}", ct);
        return Results.Redirect(next);
    }

    /// The agency and roles come from the provider's claims through the configured maps; the user is
    /// found by the provider's subject, else by name in that agency (then linked), else created.
    private static async Task<(User? User, string Problem)> MatchUserAsync(string provider, OidcProvider config, ClaimsPrincipal claims,
        ParleyDbContext db, DateTime now, CancellationToken ct)
    {
        var subject = claims.FindFirstValue("sub");
        var userName = claims.FindFirstValue(config.UserNameClaim);
        if (subject is null || string.IsNullOrWhiteSpace(userName)) return (null, "The provider sent no subject or user name.");
        var agencyValue = claims.FindFirstValue(config.AgencyClaim) ?? config.DefaultAgency;
        var agencyCode = agencyValue is null ? null : config.Agencies.GetValueOrDefault(agencyValue, agencyValue);
        var agency = agencyCode is null ? null : await db.Agencies.Include(a => a.Party)
            .SingleOrDefaultAsync(a => a.Code == agencyCode && a.Party!.Code == config.Party.ToUpper(), ct);
        if (agency is null) return (null, $"No agency '{agencyValue}' of party {config.Party} for this provider.");
        var groups = Values(claims, config.RolesClaim);
        var roleNames = groups.Select(g => config.Roles.GetValueOrDefault(g)).OfType<string>().ToList();
        if (!RoleNames.TryParse(roleNames, out var roles)) return (null, "None of the user's groups maps to a Parley role.");

        var login = $"{provider.ToLowerInvariant()}|{subject}";
        var user = await db.Users.Include(u => u.Agency).SingleOrDefaultAsync(u => u.ExternalLogin == login, ct)
            ?? await db.Users.Include(u => u.Agency).SingleOrDefaultAsync(u => u.UserName == userName && u.ExternalLogin == null, ct);
        if (user is not null && user.AgencyId != agency.Id)
            return (null, $"User '{user.UserName}' belongs to another agency than the provider names.");
        if (user is null)
        {
            if (!config.CreateUsers) return (null, $"No Parley user '{userName}' in {agency.Code}, and this provider does not create users.");
            if (await db.Users.AnyAsync(u => u.UserName == userName, ct)) return (null, $"The user name '{userName}' is taken.");
            user = new User
            {
                Id = Guid.CreateVersion7(now), UserName = userName, DisplayName = claims.FindFirstValue("name") ?? userName,
                Email = claims.FindFirstValue("email"), AgencyId = agency.Id, Agency = agency, CreatedAt = now,
            };
            db.Users.Add(user);
        }
        user.ExternalLogin = login;
        user.Roles = roles;
        await db.SaveChangesAsync(ct);
        return (user, "");
    }

    /// A claim given several times, or once as a JSON array (both are common for groups and amr).
    private static IEnumerable<string> Values(ClaimsPrincipal claims, string type) =>
        claims.FindAll(type).SelectMany(c => c.Value.StartsWith('[')
            ? JsonSerializer.Deserialize<string[]>(c.Value) ?? []
            : [c.Value]);

    private static IEnumerable<string> Amr(ClaimsPrincipal claims) => Values(claims, "amr");

    private static string Local(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : "/requests";
}
