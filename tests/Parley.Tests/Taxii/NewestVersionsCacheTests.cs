using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Parley.Directory;
using Parley.Intel;
using Parley.Taxii;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Taxii;

/// GET objects by `next` and `limit` is answered from the newest versions held in memory. What a reader sees must
/// still follow every change: at once when made through this server, within the configured time when made by
/// another process, and page after page when the memory allowed holds only part of the collection.
public abstract class NewestVersionsCacheTests(DatabaseKind kind) : AppTest(kind)
{
    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Services.Configure<TaxiiOptions>(o => { o.PageCacheMegabytes = 1; o.OtherWritersSeenWithin = TimeSpan.FromSeconds(5); });

    private async Task<List<string>> AllAsync(string user, string collection, int limit = 1000)
    {
        var seen = new List<string>();
        string? next = null;
        do
        {
            var page = await Taxii.GetAsync(App, user, $"{collection}objects/?limit={limit}{(next is null ? "" : $"&next={next}")}");
            seen.AddRange(Taxii.Ids(page));
            next = page.GetProperty("more").GetBoolean() ? page.GetProperty("next").GetString() : null;
        } while (next is not null);
        return seen;
    }

    /// Stores objects as another process would: straight into the database, without telling this server.
    private async Task IngestElsewhereAsync(IEnumerable<JsonObject> objects)
    {
        await App.WithDbAsync(async db =>
        {
            var dir = await new DirectoryCache().GetAsync(db, default);
            var fbi = dir.Agencies.Values.Single(a => a.Code == "FBI");
            var collection = SharingCollection.For(dir.Mechanisms[App.Directory.Mechanism.Id], dir)[0];
            return await new StixIngest(db, new DateAddedClock(App.Time))
                .IngestAsync(objects.Select(o => (JsonNode?)o).ToAsyncEnumerable(), new IngestTarget(collection, fbi.PartyId, fbi.Id, null), false, default);
        });
    }

    [Fact]
    public async Task ObjectsAddedAndDeletedThroughTheServer_AreSeenAtOnce()
    {
        var shared = await Taxii.CollectionAsync(App);
        var first = StixSamples.Indicator();
        await Taxii.PostAsync(App, "us.officer", shared, first);
        Assert.Equal([first["id"]!.ToString()], await AllAsync("cn.officer", shared));

        var second = StixSamples.Indicator();
        await Taxii.PostAsync(App, "us.officer", shared, second);
        Assert.Equal([first["id"]!.ToString(), second["id"]!.ToString()], await AllAsync("cn.officer", shared));

        var newer = StixSamples.Indicator(id: first["id"]!.ToString(), modified: "2026-02-01T00:00:00.000Z");
        await Taxii.PostAsync(App, "us.officer", shared, newer);
        var page = await Taxii.GetAsync(App, "cn.officer", $"{shared}objects/");
        Assert.Equal([second["id"]!.ToString(), first["id"]!.ToString()], Taxii.Ids(page));
        Assert.Equal("2026-02-01T00:00:00.000Z", page.GetProperty("objects")[1].GetProperty("modified").GetString());

        Assert.Equal(HttpStatusCode.OK, (await App.As("us.officer").DeleteAsync($"{shared}objects/{second["id"]}/")).StatusCode);
        Assert.Equal([first["id"]!.ToString()], await AllAsync("cn.officer", shared));
    }

    [Fact]
    public async Task ObjectsStoredByAnotherProcess_AreSeenWithinTheConfiguredTime()
    {
        var shared = await Taxii.CollectionAsync(App);
        var before = StixSamples.Indicator();
        await Taxii.PostAsync(App, "us.officer", shared, before);
        Assert.Single(await AllAsync("cn.officer", shared));

        var elsewhere = Enumerable.Range(0, 5).Select(_ => StixSamples.Indicator()).ToList();
        await IngestElsewhereAsync(elsewhere);
        App.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal([before["id"]!.ToString(), .. elsewhere.Select(o => o["id"]!.ToString())], await AllAsync("cn.officer", shared));
    }

    [Fact]
    public async Task ACollectionLargerThanTheMemoryAllowed_IsPagedThroughExactlyOnce_AndMarkingsStillApply()
    {
        var shared = await Taxii.CollectionAsync(App);
        // ~3 MB of objects against 1 MB allowed: runs are read, dropped and read again while paging.
        var objects = Enumerable.Range(0, 1500).Select(i =>
        {
            var o = StixSamples.Indicator(marking: i % 10 == 0 ? StixSamples.TlpRed : StixSamples.TlpGreen);
            o["x_padding"] = new string('p', 2000);
            return o;
        }).ToList();
        await IngestElsewhereAsync(objects);

        var cache = App.Services.GetRequiredService<NewestVersionsCache>();
        foreach (var limit in new[] { 7, 100 })
        {
            // FBI shared them with nobody in particular: RED stays with FBI.
            Assert.Equal(objects.Select(o => o["id"]!.ToString()), await AllAsync("us.officer", shared, limit));
            Assert.Equal(objects.Where((_, i) => i % 10 != 0).Select(o => o["id"]!.ToString()), await AllAsync("cn.officer", shared, limit));
            Assert.InRange(cache.Bytes, 1, 1024 * 1024);
        }
    }
}

public sealed class NewestVersionsCacheOnSqlite() : NewestVersionsCacheTests(DatabaseKind.Sqlite);

public sealed class NewestVersionsCacheOnPostgres() : NewestVersionsCacheTests(DatabaseKind.Postgres);
