
namespace Parley.Benchmarks;

/// `throughput`: submit-and-acknowledge pairs through the HTTP API on a fresh database.
public static class ThroughputBenchmark
{
    public sealed record Row(string Db, PairDriver.Outcome Outcome, double? BackgroundLoad, double CpuProcess, double? CpuMachine, double CpuMsPerPair, double AllocatedKbPerPair);

    public static async Task<List<Row>> RunAsync(BenchDb db, string? postgresServer, IReadOnlyList<int> clientCounts, TimeSpan duration, TimeSpan warmup, string? priority = null, string? whatIf = null)
    {
        await using var database = await BenchDatabase.CreateAsync(db, postgresServer, "tp");
        var label = db == BenchDb.Sqlite ? "SQLite" : "PostgreSQL";
        Console.WriteLine($"## Throughput on {label}\n");
        Console.WriteLine($"- database: {database.Description}");
        if (db == BenchDb.Postgres) Console.WriteLine($"- server: {await BenchDatabase.PostgresSettingsAsync(database.Storage.ConnectionString)}");
        else Console.WriteLine("- SQLite: WAL, synchronous=NORMAL (the app's pragmas): commits do not wait for fsync");

        var rows = new List<Row>();
        var variants = ThroughputWhatIf.Parse(whatIf, db);
        foreach (var variant in variants) label += $" + {variant.Name}";
        var storage = variants.Aggregate(database.Storage, (current, variant) => variant.Storage?.Invoke(current) ?? current);
        foreach (var variant in variants) Console.WriteLine($"- WHAT-IF (not the app as shipped): {variant.Description}");
        await using (var server = await BenchServer.StartAsync(storage, b => { foreach (var v in variants) v.Configure?.Invoke(b); }))
        {
            Console.WriteLine($"- server: {server.Address} (Kestrel, in this process; {Environment.ProcessorCount} cores, server GC={System.Runtime.GCSettings.IsServerGC})");
            var now = DateTime.UtcNow;
            await BenchDirectory.SeedAsync(server.Services, now);
            var submitter = await BenchDirectory.CreateTokenAsync(server.Services, BenchDirectory.OfficerOf("FBI"), now);
            var acknowledger = await BenchDirectory.CreateTokenAsync(server.Services, BenchDirectory.OfficerOf("MPS"), now);
            using var http = server.CreateClient();
            var driver = new PairDriver(http, submitter, acknowledger, priority);
            Console.WriteLine($"- each client: POST /api/v1/requests as us.fbi, then POST /api/v1/requests/{{id}}/acknowledge as cn.mps; "
                              + $"priority {priority ?? "urgent, high and routine in turn"}; {warmup.TotalSeconds:0} s warm-up, then {duration.TotalSeconds:0} s measured\n");

            var first = true;
            foreach (var clients in clientCounts)
            {
                var (healthPerSecond, health) = await driver.RunHealthCheckAsync(clients, TimeSpan.FromSeconds(2));
                Console.WriteLine($"{clients} clients: floor GET /healthz {healthPerSecond:0}/s, p50 {Latency.Ms(health.Percentile(50))} ms");
                // The first warm-up is long: the JIT needs about 20 s of traffic to finish tiering EF Core and Kestrel up.
                var warm = await driver.RunAsync(clients, first ? warmup : TimeSpan.FromSeconds(Math.Min(3, warmup.TotalSeconds)));
                first = false;
                if (warm.Pairs == 0) Console.WriteLine($"warm-up with {clients} clients completed no pair: {string.Join(" | ", warm.ErrorSamples)}");
                GC.Collect();
                var background = await CpuMeter.BackgroundLoadAsync();
                var cpu = new CpuMeter();
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var outcome = await driver.RunAsync(clients, duration);
                var (process, machine) = cpu.Stop();
                var pairs = Math.Max(outcome.Pairs, 1);
                rows.Add(new Row(label, outcome, background, process, machine,
                    process / 100 * Environment.ProcessorCount * outcome.Elapsed.TotalMilliseconds / pairs,
                    (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / pairs));
                Console.WriteLine($"{clients} clients: {outcome.PairsPerSecond:0} pairs/s, {outcome.Errors} errors"
                                  + (outcome.ErrorSamples.Count > 0 ? $" (e.g. {outcome.ErrorSamples[0]})" : ""));
            }
        }
        Console.WriteLine();
        Console.WriteLine(Table(rows));
        return rows;
    }

    public static string Table(IEnumerable<Row> rows)
    {
        var lines = new List<string>
        {
            "| db | clients | pairs/s (submit+ack) | submits/s | submit p50 ms | submit p99 ms | ack p50 ms | ack p99 ms | errors | CPU ms/pair (this process) | CPU this process | CPU machine | other load before | alloc/pair |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        };
        foreach (var r in rows)
        {
            var o = r.Outcome;
            lines.Add($"| {r.Db} | {o.Clients} | {o.PairsPerSecond:0} | {o.SubmitsPerSecond:0} | "
                      + $"{Latency.Ms(o.Submit.Percentile(50))} | {Latency.Ms(o.Submit.Percentile(99))} | "
                      + $"{Latency.Ms(o.Acknowledge.Percentile(50))} | {Latency.Ms(o.Acknowledge.Percentile(99))} | {o.Errors} | "
                      + $"{r.CpuMsPerPair:0.0} | {r.CpuProcess:0}% | {Percent(r.CpuMachine)} | {Percent(r.BackgroundLoad)} | {r.AllocatedKbPerPair:0} KB |");
        }
        return string.Join('\n', lines);
    }

    private static string Percent(double? value) => value is { } v ? $"{v:0}%" : "–";
}
