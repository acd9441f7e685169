using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Parley.Data;
using Parley.Demo;
using Parley.Hosting;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Demo;

/// The real app over an empty database of the given kind, seeded once with the demo (no test directory).
public abstract class DemoFixture(DatabaseKind kind) : IAsyncLifetime
{
    private WebApplication _app = null!;

    public StorageOptions Storage { get; private set; } = null!;
    public IServiceProvider Services => _app.Services;
    public bool FirstSeedSeeded { get; private set; }
    public string FirstSeedOutput { get; private set; } = "";
    public TimeSpan FirstSeedTook { get; private set; }
    public string CredentialsPath => DemoCredentials.PathFor(Storage);

    public async Task InitializeAsync()
    {
        Storage = await TestDatabase.CreateAsync(kind);
        var builder = ParleyHost.CreateBuilder([], Storage);
        builder.WebHost.UseTestServer();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Buckets no ordinary test can empty; the rate-limit tests configure their own.
        builder.Services.Configure<Parley.Limits.RateLimitOptions>(o =>
            o.PerToken = o.PerUser = o.PerAddress = o.SignIn = new Parley.Limits.BucketOptions { TokenLimit = 1_000_000, TokensPerPeriod = 1_000_000, ReplenishmentPeriod = TimeSpan.FromSeconds(1) });
        _app = ParleyHost.Build(builder);
        await _app.StartAsync();

        var output = new StringWriter();
        var watch = Stopwatch.StartNew();
        FirstSeedSeeded = await DemoSeeder.SeedAsync(_app.Services, output, default);
        FirstSeedTook = watch.Elapsed;
        FirstSeedOutput = output.ToString();
    }

    public HttpClient Client() => _app.GetTestClient();

    public async Task<T> Db<T>(Func<ParleyDbContext, Task<T>> query)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ParleyDbContext>());
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await TestDatabase.DropAsync(Storage);
        if (File.Exists(CredentialsPath)) File.Delete(CredentialsPath);
    }
}

public sealed class SqliteDemoFixture() : DemoFixture(DatabaseKind.Sqlite);

public sealed class PostgresDemoFixture() : DemoFixture(DatabaseKind.Postgres);
