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
    private static async Task CompareAsync(BenchDb db, string? postgresServer, IReadOnlyList<int> clientCounts, TimeSpan duration, TimeSpan warmup, int rounds, string label)
    {
        // The first measured variant in a fresh process pays for JIT and tiering, which an 8 s warm-up on a
        // busy 2-core machine does not finish. This pass takes part of that off round 1, not all of it
        // (bench/README.md, "Audit trail"): compare rounds, and CPU per submit rather than throughput.
        foreach (var audited in new[] { true, false })
            await MeasureAsync(db, postgresServer, audited, clientCounts.Max(), warmup, TimeSpan.FromSeconds(1));
        Console.WriteLine("- before round 1, one unmeasured pass of each variant (JIT and tiering of both code paths)\n");
        var results = new List<(string Variant, PairDriver.Outcome Outcome, double CpuMsPerSubmit)>();
        for (var round = 0; round < rounds; round++)
            foreach (var audited in round % 2 == 0 ? new[] { true, false } : [false, true])
                foreach (var clients in clientCounts)
                {
                    var (outcome, cpu) = await MeasureAsync(db, postgresServer, audited, clients, duration, warmup);
                    // On a shared machine the CPU share this process gets swings the throughput; the CPU one
                    // submit (with its acknowledgement) costs does not depend on it.
                    var cpuMs = cpu / 100 * Environment.ProcessorCount * outcome.Elapsed.TotalMilliseconds / Math.Max(1, outcome.Submits);
                    results.Add((audited ? "with audit" : "without", outcome, cpuMs));
                    Console.WriteLine($"round {round + 1}, {(audited ? "with audit" : "without  ")}, {clients} clients: {outcome.SubmitsPerSecond:0} submits/s, "
                                      + $"{outcome.PairsPerSecond:0} pairs/s, {outcome.Errors} errors; this process {cpu:0}% of the CPU, {cpuMs:0.0} CPU ms per submit, load average {LoadAverage()}");
                }
        Console.WriteLine();
        Console.WriteLine("| db | clients | submits/s without | submits/s with audit | cost | CPU ms per submit without / with | cost in CPU | submit p50 ms without / with |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var clients in clientCounts)
        {
            var without = results.Where(r => r.Variant == "without" && r.Outcome.Clients == clients).ToList();
            var with = results.Where(r => r.Variant == "with audit" && r.Outcome.Clients == clients).ToList();
            var (a, b) = (without.Average(r => r.Outcome.SubmitsPerSecond), with.Average(r => r.Outcome.SubmitsPerSecond));
            var (ca, cb) = (without.Average(r => r.CpuMsPerSubmit), with.Average(r => r.CpuMsPerSubmit));
            Console.WriteLine($"| {label} | {clients} | {a:0} | {b:0} | {(a - b) / a:P1} | {ca:0.0} / {cb:0.0} | {(cb - ca) / cb:P1} | "
                              + $"{Latency.Ms(Latency.Merge(without.Select(r => r.Outcome.Submit)).Percentile(50))} / {Latency.Ms(Latency.Merge(with.Select(r => r.Outcome.Submit)).Percentile(50))} |");
        }
        Console.WriteLine();
    }

    private static async Task<(PairDriver.Outcome Outcome, double ProcessCpu)> MeasureAsync(BenchDb db, string? postgresServer, bool audited, int clients, TimeSpan duration, TimeSpan warmup)
    {
        await using var database = await BenchDatabase.CreateAsync(db, postgresServer, "audit");
        await using var server = await BenchServer.StartAsync(database.Storage, b =>
        {
            if (!audited) b.Services.Replace(ServiceDescriptor.Singleton<ISaveChangesInterceptor>(new NoAudit()));
        });
        var now = DateTime.UtcNow;
        await BenchDirectory.SeedAsync(server.Services, now);
        var submitter = await BenchDirectory.CreateTokenAsync(server.Services, BenchDirectory.OfficerOf("FBI"), now);
        var acknowledger = await BenchDirectory.CreateTokenAsync(server.Services, BenchDirectory.OfficerOf("MPS"), now);
        using var http = server.CreateClient();
        var driver = new PairDriver(http, submitter, acknowledger);
        await driver.RunAsync(clients, warmup);
        GC.Collect();
        var cpu = new CpuMeter();
        var outcome = await driver.RunAsync(clients, duration);
        return (outcome, cpu.Stop().Process);
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
