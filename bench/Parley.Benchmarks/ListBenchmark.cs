using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Identity;
using Parley.Requests;

namespace Parley.Benchmarks;

/// `list`: the 50 most urgent open incoming requests of one agency among N requests, through the
/// HTTP endpoint and through its handler called in-process (the same EF queries, no HTTP, no token
/// lookup, no JSON), plus the plans of the SQL the endpoint runs.
public static class ListBenchmark
{
    /// The busiest CN agency: its inbox holds the most open requests.
    public const string Agency = "MPS";
    public const string Url = "/api/v1/requests?direction=in&agency=mine&open=true&sort=due&pageSize=50";
    private static readonly ListRequests.Query Query = new("in", null, null, null, null, true, "mine", null, "due", null, 50);

    public sealed record Result(string Db, long Requests, long Open, int Total, int Items, Latency Http, Latency Handler,
        IReadOnlyList<(string Name, double Ms)> Statements);

    public static async Task<Result> RunAsync(BenchDb db, string? postgresServer, int count, int iterations, bool regenerate)
    {
        var label = db == BenchDb.Sqlite ? "SQLite" : "PostgreSQL";
        Console.WriteLine($"## List on {label}\n");
        await using var database = await ListDatabase.CreateAsync(db, postgresServer, count, regenerate);
        Console.WriteLine($"- database: {database.Description}");
        if (db == BenchDb.Postgres) Console.WriteLine($"- server: {await BenchDatabase.PostgresSettingsAsync(database.Storage.ConnectionString)}");

        var capture = new CommandCapture();
        await using var server = await BenchServer.StartAsync(database.Storage, b =>
        {
            if (db == BenchDb.Sqlite) b.Services.ConfigureDbContext<SqliteParleyDbContext>(o => o.AddInterceptors(capture));
            else b.Services.ConfigureDbContext<PostgresParleyDbContext>(o => o.AddInterceptors(capture));
        });
        var directory = await BenchDirectory.LoadAsync(server.Services);
        var (requests, open, principal) = await PrepareAsync(server.Services, directory);
        var token = await BenchDirectory.CreateTokenAsync(server.Services, BenchDirectory.OfficerOf(Agency), DateTime.UtcNow);
        using var http = server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var body = await http.GetByteArrayAsync(Url);
        using var page = JsonDocument.Parse(body);
        var total = page.RootElement.GetProperty("total").GetInt32();
        var items = page.RootElement.GetProperty("items").GetArrayLength();
        Console.WriteLine($"- {requests:N0} requests, {open:N0} open; GET {Url} as {BenchDirectory.OfficerOf(Agency)} "
                          + $"returns {items} of {total:N0} ({body.Length / 1024.0:0.0} KB)");

        var (httpLatency, handlerLatency) = await MeasureAsync(iterations,
            async () =>
            {
                using var response = await http.GetAsync(Url);
                response.EnsureSuccessStatusCode();
            },
            () => CallHandlerAsync(server.Services, principal));

        capture.Enabled = true;
        (await http.GetAsync(Url)).Dispose();
        capture.Enabled = false;

        Console.WriteLine("\n### The SQL one request runs, its plan, and its time by plain ADO.NET\n");
        var statements = new List<(string Name, double Ms)>();
        using (var connection = QueryPlans.Open(database.Storage))
            foreach (var command in capture.Commands)
            {
                var ms = QueryPlans.TimeMs(connection, command, 50);
                statements.Add((Name(command.Sql), ms));
                var values = string.Join(", ", command.Parameters.Select(p => $"{p.ParameterName}={Shorten(p.Value)}"));
                Console.WriteLine($"**{Name(command.Sql)}**: {ms:0.00} ms median over 50 runs\n```sql\n{command.Sql}\n-- {values}\n```\n"
                                  + $"```\n{QueryPlans.Explain(connection, command)}\n```\n");
            }

        var result = new Result(label, requests, open, total, items, httpLatency, handlerLatency, statements);
        Console.WriteLine(Table([result]));
        return result;
    }

    /// The endpoint's handler, as the router calls it, in a scope of its own.
    private static async Task CallHandlerAsync(IServiceProvider services, ClaimsPrincipal principal)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await ListRequests.HandleAsync(Query, principal, scope.ServiceProvider.GetRequiredService<RequestServices>(), CancellationToken.None);
        if (result.Result is not Ok<PagedList<RequestSummary>> { Value.Items.Count: > 0 })
            throw new InvalidOperationException("The list handler returned no page.");
    }

    private static async Task<(long Requests, long Open, ClaimsPrincipal Officer)> PrepareAsync(IServiceProvider services, BenchDirectory directory)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var officer = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == BenchDirectory.OfficerOf(Agency));
        var principal = new ClaimsPrincipal(Actor.ToIdentity(officer, directory.CnPartyId, TokenAuthenticationHandler.SchemeName));
        return (await db.Requests.LongCountAsync(), await db.Requests.LongCountAsync(r => r.IsOpen), principal);
    }

    /// Warm-up (at least 50 rounds and 3 s, so the JIT has tiered up), then the measured rounds one after
    /// another, the two calls in alternating order so that both see the same machine.
    private static async Task<(Latency A, Latency B)> MeasureAsync(int iterations, Func<Task> a, Func<Task> b)
    {
        var warmup = Stopwatch.StartNew();
        for (var i = 0; i < 50 || warmup.Elapsed < TimeSpan.FromSeconds(3); i++)
        {
            await a();
            await b();
        }
        var (first, second) = (new Latency(), new Latency());
        for (var i = 0; i < iterations; i++)
        {
            if (i % 2 == 0)
            {
                await TimeAsync(a, first);
                await TimeAsync(b, second);
            }
            else
            {
                await TimeAsync(b, second);
                await TimeAsync(a, first);
            }
        }
        return (first, second);
    }

    private static async Task TimeAsync(Func<Task> call, Latency into)
    {
        var started = Stopwatch.GetTimestamp();
        await call();
        into.AddSince(started);
    }

    public static string Table(IEnumerable<Result> results)
    {
        var lines = new List<string>
        {
            "| db | requests | open (all) | agency's open inbox | HTTP mean ms | HTTP p50 | HTTP p99 | handler (EF, no HTTP) mean ms | p50 | p99 | SQL by plain ADO.NET, median ms |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
        };
        foreach (var r in results)
            lines.Add($"| {r.Db} | {r.Requests:N0} | {r.Open:N0} | {r.Total:N0} | {Latency.Ms(r.Http.Mean)} | {Latency.Ms(r.Http.Percentile(50))} | {Latency.Ms(r.Http.Percentile(99))} | "
                      + $"{Latency.Ms(r.Handler.Mean)} | {Latency.Ms(r.Handler.Percentile(50))} | {Latency.Ms(r.Handler.Percentile(99))} | "
                      + string.Join(" + ", r.Statements.Select(s => $"{s.Name} {s.Ms:0.00}")) + " |");
        return string.Join('\n', lines);
    }

    private static string Shorten(object? value) =>
        value switch { System.Collections.IEnumerable e and not string => $"[{e.Cast<object>().Count()} values]", string { Length: > 60 } t => t[..60] + "…", _ => $"{value}" };

    private static string Name(string sql) =>
        sql.Contains("\"ApiTokens\"") ? "token"
        : sql.Contains("COUNT(*)", StringComparison.OrdinalIgnoreCase) ? "count"
        : sql.Contains("\"RequestDeadlines\"") ? "deadlines"
        : sql.Contains("IS NOT NULL") ? "page (dated)"
        : sql.Contains("IS NULL") ? "page (undated)"
        : "other";
}
