using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Parley.Data;
using Parley.Hosting;
using Parley.Tests.Infrastructure;

namespace Parley.BrowserTests.Infrastructure;

/// The real Parley server on Kestrel at a free loopback port, over a fresh SQLite file, with the test
/// directory seeded and a clock the test moves.
public sealed class WebServer : IAsyncDisposable
{
    /// Monday 2026-03-02 14:00 UTC: 09:00 in New York, 22:00 in Shanghai.
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;
    private readonly StorageOptions _storage;

    private WebServer(WebApplication app, StorageOptions storage, FakeTimeProvider time, TestDirectory directory, Uri address)
    {
        _app = app;
        _storage = storage;
        Time = time;
        Directory = directory;
        Address = address;
    }

    public FakeTimeProvider Time { get; }
    public TestDirectory Directory { get; }
    public Uri Address { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<WebServer> StartAsync()
    {
        var storage = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var time = new FakeTimeProvider(Start);
        var builder = ParleyHost.CreateBuilder([], storage, "http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        LogCapture.AddTo(builder.Logging);
        // Buckets no ordinary test can empty; the rate-limit tests configure their own.
        builder.Services.Configure<Parley.Limits.RateLimitOptions>(o =>
            o.PerToken = o.PerUser = o.PerAddress = o.SignIn = new Parley.Limits.BucketOptions { TokenLimit = 1_000_000, TokensPerPeriod = 1_000_000, ReplenishmentPeriod = TimeSpan.FromSeconds(1) });
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
        // Tests move the clock by hours between page loads; a session should outlive that here.
        builder.Services.Configure<Parley.Identity.SignInOptions>(o => o.IdleTimeout = o.SessionLifetime = TimeSpan.FromDays(30));
        var app = ParleyHost.Build(builder);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        if (!System.Net.IPAddress.IsLoopback(System.Net.IPAddress.Parse(address.Host))) throw new InvalidOperationException($"Bound to {address}, not loopback.");
        var directory = await TestDirectory.SeedAsync(app.Services, time.GetUtcNow().UtcDateTime);
        return new WebServer(app, storage, time, directory, address);
    }

    public string Url(string path) => new Uri(Address, path).ToString();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await TestDatabase.DropAsync(_storage);
    }
}
