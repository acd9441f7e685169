using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Escalation;
using Parley.Requests;

namespace Parley.Benchmarks;

/// `watcher`: the deadline watcher inside the real server with a backlog of N open requests (3 deadlines
/// each, every watch instant hours ahead). A few probe deadlines are moved to fall due a second or so
/// apart after start; the driver polls the alert table from its own connection and reports how long after
/// each due instant its effect was visible. Then the server idles and the driver reports the process CPU
/// it used (nothing is due: the watcher should only wake every MaxSleep for one indexed query) and the
/// plans of the watcher's two queries.
public static class WatcherBenchmark
{
    public sealed record Result(string Database, int Open, int Deadlines, IReadOnlyList<double> EffectLatencyMs, double IdleCpuPercent, double IdlePassMs);

    public static async Task<Result> RunAsync(BenchDb db, string? postgresServer, int count, int probes, TimeSpan idle)
    {
        var label = db == BenchDb.Sqlite ? "SQLite" : "PostgreSQL";
        Console.WriteLine($"## Deadline watcher on {label}\n");
        await using var database = await BenchDatabase.CreateAsync(db, postgresServer, "watch");
        await GenerateAsync(database.Storage, count);

        // Far enough ahead that the server has started and made its first (catch-up) pass.
        var first = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var dueAt = Enumerable.Range(0, probes).Select(i => first + TimeSpan.FromSeconds(1.5 * i)).ToArray();
        var probeIds = await MoveProbesAsync(database.Storage, dueAt);
        var capture = new CommandCapture();
        await using var server = await BenchServer.StartAsync(database.Storage, b =>
        {
            if (db == BenchDb.Sqlite) b.Services.ConfigureDbContext<SqliteParleyDbContext>(o => o.AddInterceptors(capture));
            else b.Services.ConfigureDbContext<PostgresParleyDbContext>(o => o.AddInterceptors(capture));
        });
        Console.WriteLine($"- server started; {probes} probe deadlines fall due from {dueAt[0]:HH:mm:ss.fff} every 1.5 s");

        var latencies = await PollEffectsAsync(database.Storage, probeIds, dueAt);
        Console.WriteLine($"- due → alert visible: p50 {Percentile(latencies, 50):0} ms, max {latencies.Max():0} ms (n = {latencies.Count}; polled every 5 ms)");
        Console.WriteLine($"  in order of due instant: {string.Join(", ", latencies.Select(l => l.ToString("0")))} ms");

        await Task.Delay(TimeSpan.FromSeconds(2));
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await Task.Delay(idle);
        process.Refresh();
        var idleCpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / wall.Elapsed.TotalMilliseconds * 100;
        Console.WriteLine($"- idle for {idle.TotalSeconds:0} s with {count:N0} open requests: process CPU {idleCpu:0.00}% of one core");

        capture.Commands.Clear();
        capture.Enabled = true;
        var passLatency = new Latency();
        for (var i = 0; i < 50; i++)
        {
            await using var scope = server.Services.CreateAsyncScope();
            var started = Stopwatch.GetTimestamp();
            await scope.ServiceProvider.GetRequiredService<DeadlineWatch>().RunOnceAsync(default);
            passLatency.AddSince(started);
            capture.Enabled = false; // the first pass's SQL is enough for the plans
        }
        var idlePass = passLatency.Percentile(50);
        Console.WriteLine($"- one idle watcher pass (nothing due), called in-process: p50 {idlePass:0.00} ms over 50 passes\n");
        using (var connection = QueryPlans.Open(database.Storage))
            foreach (var command in capture.Commands.Where(c => c.Sql.Contains("RequestDeadlines")).DistinctBy(c => c.Sql))
                Console.WriteLine($"```sql\n{command.Sql}\n```\n```\n{QueryPlans.Explain(connection, command)}\n```\n");

        return new Result(label, count, count * 3, latencies, idleCpu, idlePass);
    }

    private static async Task GenerateAsync(StorageOptions storage, int count)
    {
        var stopwatch = Stopwatch.StartNew();
        Console.WriteLine($"- generating {count:N0} open requests submitted within the last hour…");
        await BenchServer.MigrateAsync(storage);
        BenchDirectory directory;
        await using (var services = BenchServer.DatabaseServices(storage))
            directory = await BenchDirectory.SeedAsync(services, DateTime.UtcNow);
        SqliteConnection.ClearAllPools();
        var generator = new RequestGenerator(directory, count, DateTime.UtcNow, openBacklog: TimeSpan.FromHours(1));
        if (storage.Provider == StorageProvider.Sqlite)
        {
            var path = new SqliteConnectionStringBuilder(storage.ConnectionString).DataSource;
            await Task.Run(() => SqliteLoader.Load(path, generator, directory));
        }
        else await PostgresLoader.LoadAsync(storage.ConnectionString, generator, directory);
        Console.WriteLine($"- generated in {stopwatch.Elapsed.TotalSeconds:0} s");
    }

    /// Moves the final-answer deadline of the first running requests to the given due instants.
    private static async Task<List<Guid>> MoveProbesAsync(StorageOptions storage, DateTime[] dueAt)
    {
        await using var services = BenchServer.DatabaseServices(storage);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var deadlines = await db.RequestDeadlines
            .Where(d => d.Kind == DeadlineKind.FinalAnswer && d.WatchAt != null)
            .OrderBy(d => d.RequestId).Take(dueAt.Length).ToListAsync();
        for (var i = 0; i < deadlines.Count; i++)
        {
            deadlines[i].DueAt = deadlines[i].WatchAt = dueAt[i];
            deadlines[i].AtRiskAt = null;
        }
        await db.SaveChangesAsync();
        SqliteConnection.ClearAllPools();
        return deadlines.Select(d => d.RequestId).ToList();
    }

    private static async Task<List<double>> PollEffectsAsync(StorageOptions storage, List<Guid> probeIds, DateTime[] dueAt)
    {
        await using var services = BenchServer.DatabaseServices(storage);
        var pending = probeIds.Select((id, i) => (Id: id, Due: dueAt[i])).ToDictionary(p => p.Id, p => p.Due);
        var latencies = new List<double>();
        var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(60) + TimeSpan.FromSeconds(1.5 * probeIds.Count);
        while (pending.Count > 0 && DateTime.UtcNow < giveUp)
        {
            var now = DateTime.UtcNow;
            var due = pending.Where(p => p.Value <= now).Select(p => p.Key).ToList();
            if (due.Count > 0)
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
                var seen = await db.DeadlineAlerts.AsNoTracking()
                    .Where(a => due.Contains(a.RequestId) && a.Level == AlertLevel.Missed).Select(a => a.RequestId).ToListAsync();
                var visibleAt = DateTime.UtcNow;
                foreach (var id in seen.Distinct())
                {
                    latencies.Add((visibleAt - pending[id]).TotalMilliseconds);
                    pending.Remove(id);
                }
            }
            await Task.Delay(5);
        }
        if (pending.Count > 0) throw new InvalidOperationException($"{pending.Count} probe deadlines had no alert a minute after falling due.");
        return latencies;
    }

    private static double Percentile(List<double> values, int p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
