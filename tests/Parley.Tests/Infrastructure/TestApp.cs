using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Parley.Data;
using Parley.Hosting;

namespace Parley.Tests.Infrastructure;

/// The real Parley pipeline on an in-process test server, over a real database of the given kind,
/// with a directory of three parties (US, CN, GB) and a controllable clock.
public sealed class TestApp : IAsyncDisposable
{
    /// Monday 2026-03-02 14:00 UTC: 09:00 in New York, 22:00 in Shanghai.
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;
    private readonly StorageOptions _storage;

    public FakeTimeProvider Time { get; }
    public TestDirectory Directory { get; }

    private TestApp(WebApplication app, StorageOptions storage, FakeTimeProvider time, TestDirectory directory)
    {
        _app = app;
        _storage = storage;
        Time = time;
        Directory = directory;
    }

    public static async Task<TestApp> StartAsync(DatabaseKind kind, DateTimeOffset? now = null, Action<WebApplicationBuilder>? configure = null)
    {
        var storage = await TestDatabase.CreateAsync(kind);
        var time = new FakeTimeProvider(now ?? DefaultStart);
        var builder = ParleyHost.CreateBuilder([], storage);
        builder.WebHost.UseTestServer();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        LogCapture.AddTo(builder.Logging);
        // Buckets no ordinary test can empty; the rate-limit tests configure their own.
        builder.Services.Configure<Parley.Limits.RateLimitOptions>(o =>
            o.PerToken = o.PerUser = o.PerAddress = o.SignIn = new Parley.Limits.BucketOptions { TokenLimit = 1_000_000, TokensPerPeriod = 1_000_000, ReplenishmentPeriod = TimeSpan.FromSeconds(1) });
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
        // Off unless a test switches it on: it would write the e-mails other features queue to a pickup folder.
        builder.Services.Configure<Parley.Notifications.NotificationSenderOptions>(o => o.Enabled = false);
        configure?.Invoke(builder);
        var app = ParleyHost.Build(builder);
        await app.StartAsync();
        var directory = await TestDirectory.SeedAsync(app.Services, time.GetUtcNow().UtcDateTime);
        return new TestApp(app, storage, time, directory);
    }

    public IServiceProvider Services => _app.Services;

    /// The database the app runs on, for driving the `parley` executable against it.
    public StorageOptions Storage => _storage;

    public HttpClient Anonymous() => _app.GetTestClient();

    /// The in-process server, for requests that need connection details (client address, scheme) set.
    public TestServer Server => _app.GetTestServer();

    /// A client that authenticates as the named seeded user with its API token.
    public HttpClient As(string userName)
    {
        var client = _app.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Directory.Tokens[userName]);
        return client;
    }

    /// A client that keeps cookies, signed in as the named seeded user through the real two-step
    /// sign-in (password, then the TOTP code for the roles that need one).
    public async Task<HttpClient> SignInAsync(string userName)
    {
        var client = CookieClient();
        var response = await client.PostAsJsonAsync("/api/v1/session", new { userName, password = TestDirectory.Password });
        if (response.StatusCode == System.Net.HttpStatusCode.Accepted)
            response = await client.PostAsJsonAsync("/api/v1/session/second-factor", new { code = TotpCode(userName) });
        if (response.StatusCode != System.Net.HttpStatusCode.OK)
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// A client that keeps cookies between calls, signed in as no one.
    public HttpClient CookieClient()
    {
        var server = (Microsoft.AspNetCore.TestHost.TestServer)_app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>();
        return new HttpClient(new CookieContainerHandler(server.CreateHandler())) { BaseAddress = server.BaseAddress };
    }

    public string TotpCode(string userName) => Directory.TotpCode(userName, Time.GetUtcNow().UtcDateTime);

    public async Task<T> WithDbAsync<T>(Func<ParleyDbContext, Task<T>> work)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ParleyDbContext>());
    }

    private bool _stopped;

    /// Shuts the app down as `parley serve` does on a signal; its database stays readable with <see cref="WithDbAsync"/>.
    public async Task StopAsync()
    {
        _stopped = true;
        await _app.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped) await _app.StopAsync();
        await _app.DisposeAsync();
        await TestDatabase.DropAsync(_storage);
    }
}
