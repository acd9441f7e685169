using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Requests;

namespace Parley.Benchmarks;

/// `pages`: server time of the two pages an officer lives in, over HTTP on loopback: the inbox of a party
/// with N open incoming requests (the first page, most urgent first, and the count needing action), and the
/// workspace of a request with 500 timeline events.
public static class PagesBenchmark
{
    private const string Viewer = "cn.mps";

    public static async Task RunAsync(BenchDb db, string? postgresServer, int incoming, int events, int iterations)
    {
        var label = db == BenchDb.Sqlite ? "SQLite" : "PostgreSQL";
        Console.WriteLine($"## Pages on {label}\n");
        await using var database = await BenchDatabase.CreateAsync(db, postgresServer, "pages");
        var directory = await GenerateAsync(database.Storage, incoming * 2);
        var workspaceId = await AddLongTimelineAsync(database.Storage, directory, events);

        await using var server = await BenchServer.StartAsync(database.Storage);
        var token = await BenchDirectory.CreateTokenAsync(server.Services, Viewer, DateTime.UtcNow);
        using var http = server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var open = await CountOpenIncomingAsync(server.Services, directory);
        var calls = new[]
        {
            ($"inbox ({open:N0} open incoming)", "/requests"),
            ("the same list from the API (JSON), for comparison", "/api/v1/requests?direction=in&open=true&sort=due&pageSize=50"),
            ($"workspace ({events} events)", $"/requests/{workspaceId}"),
            ("the same request from the API (JSON), for comparison", $"/api/v1/requests/{workspaceId}"),
        };
        foreach (var (name, url) in calls)
        {
            var html = await http.GetStringAsync(url);
            for (var i = 0; i < 50; i++) await GetAsync(http, url);
            var latency = new Latency();
            for (var i = 0; i < iterations; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await GetAsync(http, url);
                latency.AddSince(started);
            }
            Console.WriteLine($"- {name}: GET {url} as {Viewer}, {html.Length / 1024.0:0} KB: "
                              + $"p50 {Latency.Ms(latency.Percentile(50))} ms, p99 {Latency.Ms(latency.Percentile(99))} ms, mean {Latency.Ms(latency.Mean)} ms ({iterations} calls)");
        }
    }

    private static async Task GetAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<BenchDirectory> GenerateAsync(StorageOptions storage, int count)
    {
        Console.WriteLine($"- generating {count:N0} open requests, half of them to CN…");
        await BenchServer.MigrateAsync(storage);
        BenchDirectory directory;
        await using (var services = BenchServer.DatabaseServices(storage))
            directory = await BenchDirectory.SeedAsync(services, DateTime.UtcNow);
        SqliteConnection.ClearAllPools();
        var generator = new RequestGenerator(directory, count, DateTime.UtcNow, openBacklog: TimeSpan.FromHours(1));
        if (storage.Provider == StorageProvider.Sqlite)
            await Task.Run(() => SqliteLoader.Load(new SqliteConnectionStringBuilder(storage.ConnectionString).DataSource, generator, directory));
        else await PostgresLoader.LoadAsync(storage.ConnectionString, generator, directory);
        return directory;
    }

    /// One incoming request of the viewer's agency gets a timeline of the given length (partial answers and
    /// clarifications, each with a paragraph of text).
    private static async Task<Guid> AddLongTimelineAsync(StorageOptions storage, BenchDirectory directory, int events)
    {
        await using var services = BenchServer.DatabaseServices(storage);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var mps = directory.Agencies["MPS"];
        var request = await db.Requests.Where(r => r.ToAgencyId == mps && r.Status == RequestStatus.InProgress).OrderBy(r => r.Id).FirstAsync();
        var users = await db.Users.ToDictionaryAsync(u => u.AgencyId, u => u.Id);
        var at = request.SubmittedAt ?? request.CreatedAt;
        for (var i = 1; i <= events; i++)
        {
            var fromResponder = i % 2 == 0;
            var agency = fromResponder ? mps : request.FromAgencyId;
            db.RequestEvents.Add(new RequestEvent
            {
                Id = Guid.CreateVersion7(), RequestId = request.Id, Sequence = i, OccurredAt = at.AddSeconds(i),
                Type = i == 1 ? RequestEventType.Submitted : fromResponder ? RequestEventType.PartialAnswer : RequestEventType.ClarificationProvided,
                ActorUserId = users[agency], ActorAgencyId = agency,
                Message = $"Step {i}: the hosting provider's logs for the listed addresses were reviewed and the subscriber details for the period in question are attached to this message.",
            });
        }
        await db.SaveChangesAsync();
        SqliteConnection.ClearAllPools();
        return request.Id;
    }

    private static async Task<int> CountOpenIncomingAsync(IServiceProvider services, BenchDirectory directory)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        return await db.Requests.CountAsync(r => r.ToPartyId == directory.CnPartyId && r.IsOpen);
    }
}
