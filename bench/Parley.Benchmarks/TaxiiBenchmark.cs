using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Parley.Data;
using Parley.Directory;
using Parley.Intel;

namespace Parley.Benchmarks;

/// `taxii`: GET objects (limit 100) on a collection of N objects, at each client count, against the
/// ceiling: a plain ASP.NET Core endpoint in the same process returning a captured page from memory.
public static class TaxiiBenchmark
{
    public static async Task RunAsync(BenchDb kind, string? postgresServer, int objects, IReadOnlyList<int> clients, TimeSpan duration, TimeSpan warmup, string? whatIf)
    {
        await using var database = await BenchDatabase.CreateAsync(kind, postgresServer, "taxii");
        await BenchServer.MigrateAsync(database.Storage);
        string collectionUrl;
        await using (var services = BenchServer.DatabaseServices(database.Storage))
        {
            await BenchDirectory.SeedAsync(services, DateTime.UtcNow);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            var dir = await new DirectoryCache().GetAsync(db, default);
            var fbi = dir.Agencies.Values.Single(a => a.Code == "FBI");
            var collection = SharingCollection.For(dir.Mechanisms.Values.Single(), dir)[0];
            var watch = Stopwatch.StartNew();
            var loaded = await new StixIngest(db, new DateAddedClock(TimeProvider.System))
                .IngestAsync(StixGenerator.Objects(objects), new IngestTarget(collection, fbi.PartyId, fbi.Id, null), false, default);
            Console.WriteLine($"taxii: {database.Description}, {loaded.Stored:N0} objects loaded in {watch.Elapsed.TotalSeconds:F0} s");
            collectionUrl = $"/taxii2/{BenchDirectory.MechanismCode.ToLowerInvariant()}/collections/{collection.Id}/objects/";
            if (kind == BenchDb.Postgres) await BenchDatabase.ExecuteAsync(database.Storage.ConnectionString, "ANALYZE");
        }

        var variants = ThroughputWhatIf.Parse(whatIf, kind);
        foreach (var variant in variants) Console.WriteLine($"  what-if {variant.Name}: {variant.Description}");
        var storage = variants.Aggregate(database.Storage, (s, v) => v.Storage?.Invoke(s) ?? s);
        var capture = new CommandCapture();
        byte[] floorPage = [];
        await using var server = await BenchServer.StartAsync(storage, b =>
        {
            foreach (var v in variants) v.Configure?.Invoke(b);
            if (kind == BenchDb.Sqlite) b.Services.ConfigureDbContext<SqliteParleyDbContext>(o => o.AddInterceptors(capture));
            else b.Services.ConfigureDbContext<PostgresParleyDbContext>(o => o.AddInterceptors(capture));
        }, app => MapPipelineFloor(app, () => floorPage));
        var token = await BenchDirectory.CreateTokenAsync(server.Services, "us.fbi", DateTime.UtcNow);
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.Accept.ParseAdd("application/taxii+json;version=2.1");
        var maxSeq = objects;
        string PageUrl(Random random) => $"{collectionUrl}?limit=100&next={random.Next(0, maxSeq - 200)}";

        // The ceiling serves the bytes of a real page, with the same headers, from memory.
        var sample = await client.GetAsync(PageUrl(new Random(1)));
        sample.EnsureSuccessStatusCode();
        // The reads of one request (the token look-up is behind us), their plans and their time without EF.
        capture.Enabled = true;
        (await client.GetAsync(PageUrl(new Random(2)))).EnsureSuccessStatusCode();
        capture.Enabled = false;
        using (var connection = QueryPlans.Open(database.Storage))
            foreach (var command in capture.Commands.Where(c => c.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)))
                Console.WriteLine($"  statement, {QueryPlans.TimeMs(connection, command, 20)} ms without EF:\n{command.Sql}\n{QueryPlans.Explain(connection, command)}\n");
        var bytes = await sample.Content.ReadAsByteArrayAsync();
        floorPage = bytes;
        await using var ceiling = await CeilingAsync(bytes);
        using var ceilingClient = server.CreateClient();
        ceilingClient.BaseAddress = ceiling.Address;
        Console.WriteLine($"  a page of 100 objects is {bytes.Length / 1024.0:F1} KB");

        await LoadAsync(client, PageUrl, 2, warmup);
        foreach (var n in clients)
        {
            await LoadAsync(ceilingClient, _ => "/ceiling", n, TimeSpan.FromSeconds(3));
            var load = LoadAverage();
            var top = await LoadAsync(ceilingClient, _ => "/ceiling", n, duration);
            await LoadAsync(client, PageUrl, n, TimeSpan.FromSeconds(3));
            var taxii = await LoadAsync(client, PageUrl, n, duration);
            await LoadAsync(client, _ => FloorPath, n, TimeSpan.FromSeconds(3));
            var floor = await LoadAsync(client, _ => FloorPath, n, duration);
            Console.WriteLine($"  {n,2} clients: TAXII GET objects {taxii.PerSecond,8:N0} req/s (p50 {Latency.Ms(taxii.Latency.Percentile(50))} ms, p99 {Latency.Ms(taxii.Latency.Percentile(99))} ms, " +
                              $"{taxii.CpuPerRequestMs:F3} ms process CPU/req); ceiling {top.PerSecond,8:N0} req/s ({top.CpuPerRequestMs:F3} ms CPU/req); " +
                              $"ratio {taxii.PerSecond / top.PerSecond:P0}; load {load} → {LoadAverage()}");
            Console.WriteLine($"      Parley's pipeline with the page from memory: {floor.PerSecond,8:N0} req/s ({floor.CpuPerRequestMs:F3} ms CPU/req), {floor.PerSecond / top.PerSecond:P0} of the ceiling");
        }
        var held = server.Services.GetRequiredService<Parley.Taxii.NewestVersionsCache>();
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"  newest versions held in memory: {held.Bytes / 1048576.0:F0} MB; this process's peak working set {self.PeakWorkingSet64 / 1048576.0:F0} MB, managed heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0:F0} MB");
    }

    /// CPU/req is this process's CPU (server, client and ceiling together; the database server's own
    /// processes not counted) divided by the requests completed.
    private sealed record Outcome(double PerSecond, Latency Latency, double CpuPerRequestMs);

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static async Task<Outcome> LoadAsync(HttpClient client, Func<Random, string> url, int clients, TimeSpan duration)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var stop = Stopwatch.StartNew();
        var latencies = new Latency[clients];
        var counts = new long[clients];
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(c * 7919 + 17);
            latencies[c] = new Latency();
            while (stop.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(url(random), HttpCompletionOption.ResponseContentRead);
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                latencies[c].AddSince(started);
                counts[c]++;
            }
        })));
        var elapsed = stop.Elapsed;
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var requests = counts.Sum();
        return new Outcome(requests / elapsed.TotalSeconds, Latency.Merge(latencies), used.TotalMilliseconds / Math.Max(1, requests));
    }

    private const string FloorPath = "/taxii2/bench-pipeline-floor/";

    /// The same page from memory behind Parley's whole pipeline and the TAXII gate (token look-up, Accept check),
    /// without the collection look-up, the database read or the audit entry: what the read itself leaves of the ceiling.
    private static void MapPipelineFloor(WebApplication app, Func<byte[]> page) =>
        app.MapGet(FloorPath, (HttpContext http) =>
        {
            http.Response.Headers["X-TAXII-Date-Added-First"] = "2026-01-01T00:00:00.000000Z";
            http.Response.Headers["X-TAXII-Date-Added-Last"] = "2026-01-01T00:00:00.000100Z";
            return Results.Bytes(page(), "application/taxii+json;version=2.1");
        }).AllowAnonymous().AddEndpointFilter<Parley.Taxii.TaxiiGate>();

    private sealed class Ceiling(WebApplication app, Uri address) : IAsyncDisposable
    {
        public Uri Address => address;
        public async ValueTask DisposeAsync() { await app.StopAsync(); await app.DisposeAsync(); }
    }

    private static async Task<Ceiling> CeilingAsync(byte[] page)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapGet("/ceiling", (HttpContext http) =>
        {
            http.Response.Headers["X-TAXII-Date-Added-First"] = "2026-01-01T00:00:00.000000Z";
            http.Response.Headers["X-TAXII-Date-Added-Last"] = "2026-01-01T00:00:00.000100Z";
            return Results.Bytes(page, "application/taxii+json;version=2.1");
        });
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new Ceiling(app, new Uri(bound));
    }
}
