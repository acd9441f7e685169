using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Parley.Audit;
using Parley.Data;

namespace Parley.Benchmarks;

/// `audit`: what the audit trail costs a submit, and how long `audit verify` takes over N entries.
public static class AuditBenchmark
{
    public static async Task RunAsync(BenchDb db, string? postgresServer, IReadOnlyList<int> clientCounts, TimeSpan duration, TimeSpan warmup, int entries, int rounds)
    {
        var label = db == BenchDb.Sqlite ? "SQLite" : "PostgreSQL";
        Console.WriteLine($"## Audit trail on {label}\n");
        Console.WriteLine($"- {Environment.ProcessorCount} cores, server GC={System.Runtime.GCSettings.IsServerGC}; each variant on a fresh database, "
                          + $"{warmup.TotalSeconds:0} s warm-up, {duration.TotalSeconds:0} s measured, {rounds} rounds alternating the order");
        Console.WriteLine("- 'without' replaces the app's audit interceptor with one that does nothing (a swap only this benchmark makes)\n");
        if (rounds > 0) await CompareAsync(db, postgresServer, clientCounts, duration, warmup, rounds, label);
        await VerifyAsync(db, postgresServer, entries);
    }

    /// Submit throughput and CPU per submit with and without the audit trail; `--rounds 0` skips it.
    /// Both variants run side by side in this process, each on its own server and database, and are
    /// measured in alternating slices (`--rounds` pairs of `--seconds` each, the order swapped every
    /// pair): on a shared machine the CPU this process gets drifts by 2× within minutes, and JIT and
    /// tiering favour whichever variant runs second, so back-to-back runs measured the drift.
    private static async Task CompareAsync(BenchDb db, string? postgresServer, IReadOnlyList<int> clientCounts, TimeSpan slice, TimeSpan warmup, int rounds, string label)
    {
        Console.WriteLine($"- both variants started side by side; {rounds} pairs of {slice.TotalSeconds:0} s slices per client count, order swapped every pair\n");
        Console.WriteLine("| db | clients | submits/s without | submits/s with audit | cost | CPU ms per submit without / with | cost in CPU | submit p50 ms without / with | load average |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var clients in clientCounts)
        {
            await using var with = await Variant.StartAsync(db, postgresServer, audited: true);
            await using var without = await Variant.StartAsync(db, postgresServer, audited: false);
            await with.Driver.RunAsync(clients, warmup);
            await without.Driver.RunAsync(clients, warmup);
            for (var pair = 0; pair < rounds; pair++)
                foreach (var variant in pair % 2 == 0 ? new[] { with, without } : [without, with])
                    await variant.MeasureAsync(clients, slice);
            var (a, b) = (without.SubmitsPerSecond, with.SubmitsPerSecond);
            var (ca, cb) = (without.CpuMsPerSubmit, with.CpuMsPerSubmit);
            Console.WriteLine($"| {label} | {clients} | {a:0} | {b:0} | {(a - b) / a:P1} | {ca:0.00} / {cb:0.00} | {(cb - ca) / cb:P1} | "
                              + $"{Latency.Ms(Latency.Merge(without.Slices.Select(o => o.Submit)).Percentile(50))} / {Latency.Ms(Latency.Merge(with.Slices.Select(o => o.Submit)).Percentile(50))} | {LoadAverage()} |");
            foreach (var variant in new[] { without, with })
                Console.WriteLine($"  {variant.Name}: slices (submits/s) {string.Join(", ", variant.Slices.Select(o => o.SubmitsPerSecond.ToString("0")))}; errors {variant.Slices.Sum(o => o.Errors)}; "
                                  + $"{variant.Transactions.PerSubmit:0.00} write transactions per submit, open {variant.Transactions.MeanMs:0.000} ms each on average");
        }
        Console.WriteLine();
    }

    /// One variant's server, database and driver, and the slices measured on it.
    private sealed class Variant(string name, BenchDatabase database, BenchServer server, HttpClient http, PairDriver driver, TransactionClock clock) : IAsyncDisposable
    {
        private (long Count, TimeSpan Held) _measured;

        public string Name => name;
        public PairDriver Driver => driver;
        public List<PairDriver.Outcome> Slices { get; } = [];
        private double _cpuMs;

        public double SubmitsPerSecond => Slices.Sum(o => o.Submits) / Slices.Sum(o => o.Elapsed.TotalSeconds);
        public double CpuMsPerSubmit => _cpuMs / Math.Max(1, Slices.Sum(o => o.Submits));
        /// Transactions per submit, and how long each was open on average.
        public (double PerSubmit, double MeanMs) Transactions =>
            (_measured.Count / (double)Math.Max(1, Slices.Sum(o => o.Submits)), _measured.Held.TotalMilliseconds / Math.Max(1, _measured.Count));

        public static async Task<Variant> StartAsync(BenchDb db, string? postgresServer, bool audited)
        {
            var database = await BenchDatabase.CreateAsync(db, postgresServer, audited ? "audit" : "noaudit");
            var clock = new TransactionClock();
            var server = await BenchServer.StartAsync(database.Storage, b =>
            {
                if (!audited) b.Services.Replace(ServiceDescriptor.Singleton<ISaveChangesInterceptor>(new NoAudit()));
                if (db == BenchDb.Sqlite) b.Services.ConfigureDbContext<SqliteParleyDbContext>(o => o.AddInterceptors(clock));
                else b.Services.ConfigureDbContext<PostgresParleyDbContext>(o => o.AddInterceptors(clock));
            });
            var now = DateTime.UtcNow;
            await BenchDirectory.SeedAsync(server.Services, now);
            var submitter = await BenchDirectory.CreateTokenAsync(server.Services, BenchDirectory.OfficerOf("FBI"), now);
            var acknowledger = await BenchDirectory.CreateTokenAsync(server.Services, BenchDirectory.OfficerOf("MPS"), now);
            var http = server.CreateClient();
            return new Variant(audited ? "with audit" : "without", database, server, http, new PairDriver(http, submitter, acknowledger), clock);
        }

        public async Task MeasureAsync(int clients, TimeSpan duration)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var (count, held) = (clock.Count, clock.Held);
            // On stderr, in the clock `perf record` stamps its samples with, so a profile can be split by variant.
            var t0 = Stopwatch.GetTimestamp() / 1e9;
            Slices.Add(await driver.RunAsync(clients, duration));
            Console.Error.WriteLine($"SLICE {name} {t0:0.000} {Stopwatch.GetTimestamp() / 1e9:0.000} {Slices[^1].Submits}");
            _cpuMs += (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            _measured = (_measured.Count + clock.Count - count, _measured.Held + clock.Held - held);
        }

        public async ValueTask DisposeAsync()
        {
            http.Dispose();
            await server.DisposeAsync();
            await database.DisposeAsync();
        }
    }

    /// Bulk-inserts a valid chain of N entries, then times the verifier that `parley audit verify` runs.
    private static async Task VerifyAsync(BenchDb db, string? postgresServer, int count)
    {
        await using var database = await BenchDatabase.CreateAsync(db, postgresServer, "auditv");
        await BenchServer.MigrateAsync(database.Storage);
        var load = Stopwatch.StartNew();
        await AuditChainLoader.LoadAsync(database.Storage, count);
        Console.WriteLine($"- loaded {count:N0} chained entries in {load.Elapsed.TotalSeconds:0.0} s");

        await using var services = BenchServer.DatabaseServices(database.Storage);
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        await AuditChain.HeadAsync(context, CancellationToken.None); // EF model and connection warm
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = new CpuMeter();
        var stopwatch = Stopwatch.StartNew();
        var outcome = await AuditVerifier.VerifyAsync(context, null, CancellationToken.None);
        stopwatch.Stop();
        var (process, _) = cpu.Stop();
        var cpuSeconds = process / 100 * Environment.ProcessorCount * stopwatch.Elapsed.TotalSeconds;
        if (outcome.Break is not null || outcome.Entries != count) throw new InvalidOperationException($"verify failed: {outcome}");
        Console.WriteLine($"| db | entries | verify s | entries/s | CPU this process | CPU s | load average | allocated | peak working set |");
        Console.WriteLine($"| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        Console.WriteLine($"| {(db == BenchDb.Sqlite ? "SQLite" : "PostgreSQL")} | {count:N0} | {stopwatch.Elapsed.TotalSeconds:0.00} | {count / stopwatch.Elapsed.TotalSeconds:N0} | "
                          + $"{process:0}% | {cpuSeconds:0.0} | {LoadAverage()} | {(GC.GetTotalAllocatedBytes(precise: true) - before) / 1024 / 1024:N0} MB | {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MB |");
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}

/// Stands in for the audit interceptor in the 'without' variant: EF Core's base interceptor does nothing.
internal sealed class NoAudit : SaveChangesInterceptor;
