using System.Net;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Requests;

public abstract class ConcurrencyTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task TwoSimultaneousAcknowledgements_ExactlyOneWins()
    {
        for (var round = 0; round < 5; round++)
        {
            var id = await RequestBodies.SubmitAsync(App);
            var etag = (await App.As("cn.officer").GetAsync($"/api/v1/requests/{id}")).Headers.ETag!.Tag;
            using var start = new ManualResetEventSlim();
            var tasks = new[] { "cn.officer", "cn.officer2" }.Select(user => Task.Run(async () =>
            {
                start.Wait();
                return await App.As(user).PostJsonAsync($"/api/v1/requests/{id}/acknowledge", null, ifMatch: etag);
            })).ToList();
            start.Set();
            var codes = (await Task.WhenAll(tasks)).Select(r => r.StatusCode).ToList();

            Assert.Single(codes, c => c == HttpStatusCode.OK);
            Assert.Single(codes, c => c is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict);
            var timeline = (await (await App.As("cn.officer").GetAsync($"/api/v1/requests/{id}")).ReadAsync()).GetProperty("timeline");
            Assert.Single(timeline.EnumerateArray(), e => e.Str("type") == "acknowledged");
        }
    }

    [Fact]
    public async Task ConcurrentSubmissions_GetDistinctGapFreeReferences()
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => RequestBodies.SubmitAsync(App))));
        var references = new List<string>();
        foreach (var id in ids)
            references.Add((await (await App.As("us.officer").GetAsync($"/api/v1/requests/{id}")).ReadAsync()).Path("summary", "reference").GetString()!);
        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"US-CN-2026-{n:0000}"), references.Order());
    }
}

public sealed class ConcurrencyOnSqlite() : ConcurrencyTests(DatabaseKind.Sqlite);

public sealed class ConcurrencyOnPostgres() : ConcurrencyTests(DatabaseKind.Postgres);
