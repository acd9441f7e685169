using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Parley.Tests.Infrastructure;

/// A small real OpenID Connect provider (OpenIddict server) on Kestrel at a free loopback port:
/// authorization code flow with PKCE, one confidential client, and a test user who is signed in
/// at once (no login form) with the claims the test sets in <see cref="User"/>.
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "parley";
    public const string ClientSecret = "test-client-secret-9f3c";

    public sealed record TestUser(string Subject, string UserName, string? Agency, string[] Groups, string[] Amr);

    private readonly WebApplication _app;
    private readonly string _database;

    private TestIdentityProvider(WebApplication app, string database, Uri address)
    {
        _app = app;
        _database = database;
        Address = address;
    }

    public Uri Address { get; }
    public TestUser User { get; set; } = new("sub-1", "jane.doe", "FBI", ["parley-officers"], ["pwd"]);

    public static async Task<TestIdentityProvider> StartAsync()
    {
        var database = Path.Combine(Path.GetTempPath(), "parley-tests", $"idp-{Guid.NewGuid():N}.db");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDbContext<IdpDb>(o => o.UseSqlite($"Data Source={database};Pooling=False").UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IdpDb>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            });
        var app = builder.Build();
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IdpDb>().Database.EnsureCreatedAsync();
        TestIdentityProvider? self = null;
        app.MapGet("/connect/authorize", (HttpContext http) =>
        {
            var request = http.GetOpenIddictServerRequest()!;
            var user = self!.User;
            var identity = new ClaimsIdentity("idp", Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, user.Subject).SetClaim(Claims.PreferredUsername, user.UserName).SetClaim(Claims.Name, user.UserName);
            if (user.Agency is not null) identity.SetClaim("agency", user.Agency);
            identity.SetClaims("groups", [.. user.Groups]).SetClaims(Claims.AuthenticationMethodReference, [.. user.Amr]);
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        self = new TestIdentityProvider(app, database, address);
        return self;
    }

    /// The client is registered once Parley's own address (its redirect URI) is known.
    public async Task RegisterClientAsync(Uri redirectUri)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await manager.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            RedirectUris = { redirectUri },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code, Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try { File.Delete(_database); } catch (IOException) { }
    }

    private sealed class IdpDb(DbContextOptions<IdpDb> options) : DbContext(options);
}
