using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Parley.Data;
using Parley.Hosting;

namespace Parley.Benchmarks;

/// The real Parley application (same builder as `parley serve`) on Kestrel, bound to a free
/// loopback port, with logging turned down to warnings.
public sealed class BenchServer : IAsyncDisposable
{
    private static readonly string[] QuietLogging =
    [
        "--Logging:LogLevel:Default=Warning",
        // The benchmarks measure Parley, not the rate limiter (which would turn a flood into 429s).
        "--RateLimits:Enabled=false",
        "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
        "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning",
    ];

    private readonly WebApplication _app;

    private BenchServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }
    public IServiceProvider Services => _app.Services;

    /// <paramref name="map"/> adds endpoints of the benchmark's own to the app, behind Parley's whole middleware pipeline.
    public static async Task<BenchServer> StartAsync(StorageOptions storage, Action<WebApplicationBuilder>? configure = null, Action<WebApplication>? map = null)
    {
        await MigrateAsync(storage);
        var builder = ParleyHost.CreateBuilder(QuietLogging, storage, "http://127.0.0.1:0");
        configure?.Invoke(builder);
        var app = ParleyHost.Build(builder);
        map?.Invoke(app);
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var address = new Uri(bound);
        if (!System.Net.IPAddress.IsLoopback(System.Net.IPAddress.Parse(address.Host)))
            throw new InvalidOperationException($"The server bound to {bound}, not loopback.");
        return new BenchServer(app, address);
    }

    /// Applies the migrations (and WAL on SQLite) as `parley serve` does, through services of its own
    /// without log output: EF logs the probe for a not-yet-created history table as an error.
    public static async Task MigrateAsync(StorageOptions storage)
    {
        await using var services = DatabaseServices(storage);
        await DatabaseSetup.MigrateAsync(services);
    }

    /// The app's DbContext registration alone, for seeding before the server starts.
    public static ServiceProvider DatabaseServices(StorageOptions storage) =>
        new ServiceCollection().AddLogging().AddParleyDatabase(storage).BuildServiceProvider();

    /// A client for many concurrent callers: no cookies, one connection per concurrent request.
    public HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        UseCookies = false,
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    {
        BaseAddress = Address,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
