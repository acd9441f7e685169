using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Parley.Data;
using Parley.Directory;
using Parley.Oversight;
using Parley.Requests;

namespace Parley.Benchmarks;

/// The oversight report over N requests (with their events, deadlines, ratings, escalations, hotline
/// sessions and communication checks): bulk-load a fresh database, then time building the report as
/// JSON and as the HTML page with its charts, cold (first run) and warm.
public static class ReportBenchmark
{
    public static async Task RunAsync(BenchDb kind, string? postgresServer, int count, int iterations, string? keep, string? reuse)
    {
        if (reuse is not null)
        {
            // A database kept by an earlier run (--keep): measure again without loading.
            await using var existing = BenchServer.DatabaseServices(BenchDatabase.SqliteAt(reuse));
            await MeasureAsync(existing, File.GetLastWriteTimeUtc(reuse), iterations);
            return;
        }
        await using var database = await BenchDatabase.CreateAsync(kind, postgresServer, "report");
        Console.WriteLine($"Oversight report over {count:N0} requests on {database.Description}");
        await BenchServer.MigrateAsync(database.Storage);
        var now = DateTime.UtcNow;
        var load = Stopwatch.StartNew();
        await using (var services = BenchServer.DatabaseServices(database.Storage))
        {
            var directory = await BenchDirectory.SeedAsync(services, now);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            var contacts = directory.Agencies.Select(a => new PointOfContact { Id = Guid.NewGuid(), AgencyId = a.Value, Name = $"{a.Key} desk" }).ToList();
            db.PointsOfContact.AddRange(contacts);
            await db.SaveChangesAsync();
            var parties = await db.Agencies.ToDictionaryAsync(a => a.Id, a => a.PartyId);
            var userId = await db.Users.Select(u => u.Id).FirstAsync();
            var data = new ReportGenerator(directory, userId, contacts.Select(c => (c.Id, c.AgencyId, parties[c.AgencyId])).ToList(), count, now).Generate();
            Console.WriteLine($"- generated {data.Requests.Count:N0} requests, {data.Events.Count:N0} events, {data.Deadlines.Count:N0} deadlines, {data.Ratings.Count:N0} ratings, "
                              + $"{data.Escalations.Count:N0} escalations, {data.Sessions.Count:N0} hotline sessions, {data.Pings.Count:N0} pings in {load.Elapsed.TotalSeconds:0.0} s");
            await db.Database.OpenConnectionAsync();
            var pg = db.Database.GetDbConnection() is NpgsqlConnection;
            if (pg) await db.Database.ExecuteSqlRawAsync("SET session_replication_role = replica");
            else await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF");
            var loader = new EntityLoader(db);
            await loader.LoadAsync(data.Requests);
            await loader.LoadAsync(data.Events);
            await loader.LoadAsync(data.Deadlines);
            await loader.LoadAsync(data.Ratings);
            await loader.LoadAsync(data.Escalations);
            await loader.LoadAsync(data.Sessions);
            await loader.LoadAsync(data.Participants);
            await loader.LoadAsync(data.Checks);
            await loader.LoadAsync(data.Pings);
            if (pg) await db.Database.ExecuteSqlRawAsync("SET session_replication_role = origin; ANALYZE");
            else await db.Database.ExecuteSqlRawAsync("ANALYZE");
            Console.WriteLine($"- loaded in {load.Elapsed.TotalSeconds:0.0} s");
        }
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (keep is not null && kind == BenchDb.Sqlite)
            File.Copy(new SqliteConnectionStringBuilder(database.Storage.ConnectionString).DataSource, keep, overwrite: true);

        await using var app = BenchServer.DatabaseServices(database.Storage);
        await MeasureAsync(app, now, iterations);
    }

    private static async Task MeasureAsync(IServiceProvider app, DateTime now, int iterations)
    {
        var json = new List<double>();
        var html = new List<double>();
        for (var i = 0; i <= iterations; i++)
        {
            json.Add(await TimeAsync(app, now, r => JsonSerializer.Serialize(r, RequestJson.Options)));
            html.Add(await TimeAsync(app, now, OversightHtml.Write));
        }
        await ProfileAsync(app, now);
        Console.WriteLine($"- JSON report (query + build + serialise): first {json[0]:0} ms, then median {Median(json.Skip(1))} ms, min {json.Skip(1).Min():0} ms over {iterations}");
        Console.WriteLine($"- HTML report with charts:                 first {html[0]:0} ms, then median {Median(html.Skip(1))} ms, min {html.Skip(1).Min():0} ms over {iterations}");
    }

    private static async Task<double> TimeAsync(IServiceProvider services, DateTime now, Func<OversightReport, string> render)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var mechanism = (await OversightBuilder.FindMechanismAsync(db, BenchDirectory.MechanismCode, default))!;
        var report = await new OversightBuilder(db).BuildAsync(mechanism, new ReportPeriod(ReportGenerator.Start, now, "benchmark"), now, default);
        var text = render(report);
        if (text.Length == 0 || report.Directions.Sum(d => d.Requests.Total) == 0) throw new InvalidOperationException("Empty report.");
        Console.WriteLine($"  {stopwatch.Elapsed.TotalMilliseconds:0} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:0} ms CPU");
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    /// Where the time goes: each query of the report on its own, then the whole build.
    private static async Task ProfileAsync(IServiceProvider services, DateTime now)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var mechanism = (await OversightBuilder.FindMechanismAsync(db, BenchDirectory.MechanismCode, default))!;
        var period = new ReportPeriod(ReportGenerator.Start, now, "benchmark");
        var reportScope = new ReportScope(mechanism, period, mechanism.Parties.ToDictionary(p => p.PartyId, p => p.Party!));
        var requests = new RequestFiguresQuery(db, reportScope);
        var parts = new List<string>();
        async Task Time(string name, Func<Task> step)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            await step();
            parts.Add($"{name} {stopwatch.Elapsed.TotalMilliseconds:0}/{(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:0}");
        }
        await Time("counts", () => requests.CountsAsync(default));
        await Time("rows", () => RequestRowsQuery.RunAsync(db, reportScope, default));
        await Time("pauses", () => requests.PausesAsync(default));
        await Time("backlog", () => requests.BacklogAsync(default));
        await Time("requests-all", () => requests.RunAsync(default));
        await Time("escalations", () => new EscalationFiguresQuery(db, reportScope).RunAsync(default));
        await Time("quality", () => new QualityFiguresQuery(db, reportScope).RunAsync(default));
        await Time("hotline", () => new HotlineFiguresQuery(db, reportScope).RunAsync(default));
        await Time("checks", () => new CheckFiguresQuery(db, reportScope).RunAsync(default));
        Console.WriteLine($"- parts (ms wall/CPU): {string.Join(", ", parts)}");
    }

    private static string Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? "–" : sorted[(sorted.Count - 1) / 2].ToString("0");
    }
}
