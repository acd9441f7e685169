using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Json;
using Parley.Actors;
using Parley.Audit;
using Parley.Data;
using Parley.Deadlines;
using Parley.Directory;
using Parley.Escalation;
using Parley.Hotline;
using Parley.Identity;
using Parley.Notifications;
using Parley.Incidents;
using Parley.Oversight;
using Parley.Requests;
using Parley.Web;
using Parley.Intel;
using Parley.Limits;
using Parley.Taxii;
using Scalar.AspNetCore;

namespace Parley.Hosting;

/// Builds the web application; shared by `parley serve` and the tests.
public static class ParleyHost
{
    public const string DefaultUrls = "http://127.0.0.1:5080";
    private const string AuthScheme = "Parley";

    public static WebApplicationBuilder CreateBuilder(string[] args, StorageOptions? storage = null, string? urls = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            // Pages are found in this assembly, also when a test or benchmark process hosts the app.
            ApplicationName = typeof(ParleyHost).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls(urls ?? builder.Configuration["Urls"] ?? DefaultUrls);
        var limits = builder.Configuration.GetSection(nameof(LimitsOptions)).Get<LimitsOptions>() ?? new LimitsOptions();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = limits.MaxBodyBytes);
        builder.Services.AddSingleton(limits);

        storage ??= builder.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.AddParleyDatabase(storage);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<DirectoryCache>();
        builder.Services.AddSingleton<VerifiedTokens>();
        builder.Services.AddSingleton<DeadlineRules>();
        builder.Services.AddScoped<RequestServices>();
        builder.Services.AddScoped<SignIn>();
        builder.Services.AddScoped<SecondFactor>();
        builder.Services.AddScoped<Sessions>();
        builder.Services.AddScoped<SignInSteps>();
        builder.Services.AddParleyKeyRing(storage, builder.Configuration);
        builder.Services.AddWatchPass<DeadlineWatch>();
        builder.Services.AddWatchPass<EscalationWatch>();
        builder.Services.AddHotline();
        builder.Services.AddSingleton<DeadlineWatchSignal>();
        builder.Services.AddOptions<DeadlineWatcherOptions>().BindConfiguration(nameof(DeadlineWatcherOptions));
        builder.Services.AddHostedService<DeadlineWatcher>();
        builder.Services.AddNotifications();
        builder.Services.AddSingleton<DateAddedClock>();
        builder.Services.AddScoped<StixIngest>();
        builder.Services.AddSingleton<CollectionChanges>();
        builder.Services.AddSingleton<NewestVersionsCache>();
        builder.Services.AddScoped<TaxiiServices>();
        builder.Services.AddOptions<ReadAuditOptions>().BindConfiguration(nameof(ReadAuditOptions)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ReadAuditQueue>();
        builder.Services.AddHostedService<ReadAuditWriter>();
        builder.Services.AddOptions<TaxiiOptions>().BindConfiguration(nameof(TaxiiOptions)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(ActorCatalogue.Default);
        builder.Services.AddOptions<SignInOptions>().BindConfiguration(nameof(SignInOptions)).ValidateDataAnnotations().ValidateOnStart();

        builder.Services.Configure<JsonOptions>(o => RequestJson.Configure(o.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddOpenApi();

        AddAuthentication(builder);
        builder.Services.AddParleyRateLimits();
        builder.Services.AddTrustedProxies();
        builder.AddParleyWeb();
        return builder;
    }

    private static void AddAuthentication(WebApplicationBuilder builder)
    {
        var auth = builder.Services.AddAuthentication(AuthScheme);
        auth
            .AddPolicyScheme(AuthScheme, "Cookie or token", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.Count > 0 ? TokenAuthenticationHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null)
            .AddCookie(o =>
            {
                o.Cookie.Name = "parley";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                // The session record decides (idle and absolute expiry, revocation); see Sessions.
                o.SlidingExpiration = false;
                o.Events.OnValidatePrincipal = ctx => ctx.HttpContext.RequestServices.GetRequiredService<Sessions>().ValidateAsync(ctx);
                // An API caller wants a status code, not a redirect to a sign-in page; a browser wants the page.
                o.LoginPath = WebSetup.SignInPath;
                o.Events.OnRedirectToLogin = ctx =>
                {
                    if (WebSetup.WantsStatusCode(ctx.Request)) ctx.Response.StatusCode = 401;
                    else ctx.Response.Redirect(ctx.RedirectUri);
                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToAccessDenied = ctx => { ctx.Response.StatusCode = 403; return Task.CompletedTask; };
            })
            .AddCookie(Sessions.PendingScheme, o =>
            {
                o.Cookie.Name = Sessions.PendingCookie;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.SlidingExpiration = false;
            });
        builder.Services.AddOptions<CookieAuthenticationOptions>(Sessions.PendingScheme)
            .Configure<Microsoft.Extensions.Options.IOptions<SignInOptions>>((o, signIn) => o.ExpireTimeSpan = signIn.Value.SecondStepWithin);
        builder.AddParleyOidc(auth);
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<Microsoft.Extensions.Options.IOptions<SignInOptions>>((o, signIn) => o.ExpireTimeSpan = signIn.Value.SessionLifetime);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddParleyPolicies();
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        // First, so that the scheme is known for HSTS and every response, errors included, gets the headers.
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<BodySizeLimit>(app.Services.GetRequiredService<LimitsOptions>().MaxBodyBytes);
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<TokenScopeCheck>();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/docs").AllowAnonymous();
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" })).AllowAnonymous().ExcludeFromDescription();
        app.MapParleyWeb();
        // Every API endpoint holds its JSON body to the field size limits before the handler runs.
        var api = app.MapGroup("").AddEndpointFilterFactory(FieldLimitFilter.Create);
        api.MapSession();
        api.MapSessions();
        api.MapOidcSignIn();
        api.MapDirectory();
        api.MapUsers();
        api.MapRequests();
        api.MapEscalations();
        api.MapEscalationLadder();
        api.MapWebhooks();
        api.MapNotifications();
        api.MapIntel();
        api.MapActors();
        api.MapTaxii();
        api.MapHotline();
        api.MapIncidents();
        api.MapCommitments();
        api.MapOversight();
        api.MapAudit();
        return app;
    }
}

public sealed class LimitsOptions
{
    /// Largest request body accepted, in bytes.
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
}
