using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Parley.Data;

namespace Parley.Benchmarks;

/// `throughput --what-if a,b`: changes applied from outside the app, to measure a proposed change
/// before anyone makes it in src/. None of them is on by default.
public sealed record ThroughputWhatIf(
    string Name, string Description, Action<WebApplicationBuilder>? Configure = null, Func<StorageOptions, StorageOptions>? Storage = null)
{
    public static IReadOnlyList<ThroughputWhatIf> Parse(string? list, BenchDb db) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(name => name switch
        {
            "write-gate" when db == BenchDb.Sqlite => WriteGate(),
            "no-watcher" => new ThroughputWhatIf(name,
                "the deadline watcher is off (DeadlineWatcherOptions:Enabled=false), so no watch pass follows each submit and acknowledge",
                Configure: b => b.Configuration["DeadlineWatcherOptions:Enabled"] = "false"),
            "auto-prepare" when db == BenchDb.Postgres => new ThroughputWhatIf(name,
                "Npgsql prepares the app's frequent statements (Max Auto Prepare=64), so PostgreSQL stops parsing and planning them each time",
                Storage: s => new StorageOptions
                {
                    Provider = s.Provider,
                    ConnectionString = new NpgsqlConnectionStringBuilder(s.ConnectionString) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2 }.ConnectionString,
                }),
            "no-audit" => new ThroughputWhatIf(name,
                "no audit entries are written (the audit interceptor is replaced by one that does nothing)",
                Configure: b => b.Services.Replace(ServiceDescriptor.Singleton<ISaveChangesInterceptor>(new NoAudit()))),
            "no-page-cache" => new ThroughputWhatIf(name,
                "TAXII pages are read from the database every time (TaxiiOptions:PageCacheMegabytes=0), as before the NewestVersionsCache",
                Configure: b => b.Configuration["TaxiiOptions:PageCacheMegabytes"] = "0"),
            _ => throw new ArgumentException($"Unknown --what-if '{name}' on {db}: write-gate (SQLite), auto-prepare (PostgreSQL), no-watcher, no-audit or no-page-cache."),
        }).ToList();

    private static ThroughputWhatIf WriteGate()
    {
        var gate = new SqliteWriteGate();
        return new ThroughputWhatIf("write-gate",
            "SQLite write transactions queue on an async semaphore (SqliteWriteGate) instead of polling in SQLite's busy handler",
            Configure: b => b.Services.ConfigureDbContext<SqliteParleyDbContext>(o => o.AddInterceptors(gate.Interceptors)));
    }
}
