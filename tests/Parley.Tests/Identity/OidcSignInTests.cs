using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Parley.Data;
using Parley.Hosting;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Identity;

/// OpenID Connect sign-in against a real provider started here (OpenIddict, code flow with PKCE),
/// Parley on Kestrel on loopback, and an HttpClient that follows the redirects and keeps cookies.
public abstract class OidcSignInTests(DatabaseKind kind) : IAsyncLifetime
{
    private TestIdentityProvider _idp = null!;
    private WebApplication _parley = null!;
    private StorageOptions _storage = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _idp = await TestIdentityProvider.StartAsync();
        _storage = await TestDatabase.CreateAsync(kind);
        var provider = "--Oidc:Providers:agency:";
        var builder = ParleyHost.CreateBuilder(
        [
            $"{provider}DisplayName=FBI single sign-on", $"{provider}Authority={_idp.Address}", $"{provider}RequireHttpsMetadata=false",
            $"{provider}ClientId={TestIdentityProvider.ClientId}", $"{provider}ClientSecret={TestIdentityProvider.ClientSecret}",
            $"{provider}Party=US", $"{provider}Agencies:Federal Bureau of Investigation=FBI", $"{provider}CreateUsers=true",
            $"{provider}Roles:parley-officers=officer", $"{provider}Roles:parley-supervisors=supervisor",
        ], _storage, "http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // The provider's tokens carry real instants; Parley's clock must agree with them here.
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.UtcNow)));
        builder.Services.Configure<Parley.Notifications.NotificationSenderOptions>(o => o.Enabled = false);
        _parley = ParleyHost.Build(builder);
        await _parley.StartAsync();
        _address = new Uri(_parley.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        if (!IPAddress.IsLoopback(IPAddress.Parse(_address.Host))) throw new InvalidOperationException($"Bound to {_address}, not loopback.");
        await TestDirectory.SeedAsync(_parley.Services, DateTime.UtcNow);
        await _idp.RegisterClientAsync(new Uri(_address, "/signin-oidc/agency"));
    }

    public async Task DisposeAsync()
    {
        await _parley.StopAsync();
        await _parley.DisposeAsync();
        await TestDatabase.DropAsync(_storage);
        await _idp.DisposeAsync();
    }

    private HttpClient Browser() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = _address };

    private static async Task<HttpResponseMessage> SignInThroughProviderAsync(HttpClient client) =>
        await client.GetAsync("/sign-in/oidc/agency?returnUrl=%2Fapi%2Fv1%2Fsession");

    private async Task<T> DbAsync<T>(Func<ParleyDbContext, Task<T>> work)
    {
        await using var scope = _parley.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ParleyDbContext>());
    }

    [Fact]
    public async Task Officer_OfTheMappedAgency_IsCreatedOnce_AndSignedIn()
    {
        _idp.User = new("sub-jane", "jane.doe", "Federal Bureau of Investigation", ["parley-officers", "staff"], ["pwd"]);
        var client = Browser();
        var response = await SignInThroughProviderAsync(client);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("jane.doe", me.GetProperty("userName").GetString());
        Assert.Equal(["officer"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/requests")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await SignInThroughProviderAsync(Browser())).StatusCode);
        var users = await DbAsync(db => db.Users.Include(u => u.Agency).Where(u => u.UserName == "jane.doe").ToListAsync());
        var user = Assert.Single(users);
        Assert.Equal("FBI", user.Agency!.Code);
        Assert.Equal("agency|sub-jane", user.ExternalLogin);
        Assert.Equal("oidc:agency", (await DbAsync(db => db.UserSessions.FirstAsync(s => s.UserId == user.Id))).Method);
    }

    [Fact]
    public async Task Supervisor_WithTheProvidersMfa_NeedsNoParleyCode()
    {
        _idp.User = new("sub-sam", "sam.super", "FBI", ["parley-supervisors"], ["pwd", "mfa"]);
        var response = await SignInThroughProviderAsync(Browser());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["supervisor"], (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Supervisor_WithoutMfa_IsSentToEnrolment_AndCanDoNothingElse()
    {
        _idp.User = new("sub-sue", "sue.super", "FBI", ["parley-supervisors"], ["pwd"]);
        var client = Browser();
        var response = await SignInThroughProviderAsync(client);
        Assert.Equal("/sign-in/enrol", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/requests")).StatusCode);
    }

    [Fact]
    public async Task AgencyOutsideTheProvidersParty_OrNoMappedGroup_IsRefused()
    {
        _idp.User = new("sub-x", "x.mps", "MPS", ["parley-officers"], ["pwd"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await SignInThroughProviderAsync(Browser())).StatusCode);
        _idp.User = new("sub-y", "y.fbi", "FBI", ["staff"], ["pwd"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await SignInThroughProviderAsync(Browser())).StatusCode);
        Assert.False(await DbAsync(db => db.Users.AnyAsync(u => u.UserName == "x.mps" || u.UserName == "y.fbi")));
    }

    [Fact]
    public async Task SignInPage_OffersTheProvider()
    {
        var page = await Browser().GetStringAsync("/sign-in");
        Assert.Contains("Sign in with FBI single sign-on", page);
        Assert.Contains("href=\"/sign-in/oidc/agency?returnUrl=", page);
    }
}

public sealed class OidcSignInOnSqlite() : OidcSignInTests(DatabaseKind.Sqlite);

public sealed class OidcSignInOnPostgres() : OidcSignInTests(DatabaseKind.Postgres);
