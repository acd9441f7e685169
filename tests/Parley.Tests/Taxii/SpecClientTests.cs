using System.Text.Json.Nodes;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Taxii;

/// The server driven end to end by <see cref="SpecTaxiiClient"/>, which knows only the TAXII 2.1 specification.
public abstract class SpecClientTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task ClientWrittenFromTheSpec_DiscoversAddsReadsAndDeletes()
    {
        var us = new SpecTaxiiClient(App.Anonymous(), "us.officer", App.Directory.Tokens["us.officer"]);
        var cn = new SpecTaxiiClient(App.Anonymous(), "cn.officer", App.Directory.Tokens["cn.officer"]);

        var root = await us.FirstApiRootAsync();
        var apiRoot = await us.GetAsync(root);
        Assert.Contains(SpecTaxiiClient.MediaType, apiRoot["versions"]!.AsArray().Select(v => (string)v!));
        var writable = (await us.CollectionsAsync(root)).First(c => (bool)c["can_write"]!);
        var collectionUrl = $"{root}collections/{writable["id"]}/";

        var sent = Enumerable.Range(0, 25).Select(i => StixSamples.Indicator(pattern: $"[domain-name:value = 'c2-{i}.example.com']")).ToList();
        var status = await us.AddAsync(root, collectionUrl, sent);
        Assert.Equal("complete", (string)status["status"]!);
        Assert.Equal(25, (int)status["success_count"]!);
        Assert.Equal(25, status["successes"]!.AsArray().Count);

        var cnRoot = await cn.FirstApiRootAsync();
        var received = await cn.AllObjectsAsync($"{cnRoot}collections/{writable["id"]}/", limit: 4);
        Assert.Equal(25, received.Count);
        foreach (var (a, b) in sent.Zip(received)) Assert.True(JsonNode.DeepEquals(a, b));

        var manifest = await cn.GetAsync($"{collectionUrl}manifest/");
        Assert.Equal(25, manifest["objects"]!.AsArray().Count);
        var versions = await cn.GetAsync($"{collectionUrl}objects/{sent[0]["id"]}/versions/");
        Assert.Equal([(string)sent[0]["modified"]!], versions["versions"]!.AsArray().Select(v => (string)v!));

        Assert.Equal(System.Net.HttpStatusCode.OK, await us.DeleteAsync($"{collectionUrl}objects/{sent[0]["id"]}/"));
        Assert.Equal(24, (await cn.AllObjectsAsync(collectionUrl, limit: 100)).Count);
    }
}

public sealed class SpecClientOnSqlite() : SpecClientTests(DatabaseKind.Sqlite);

public sealed class SpecClientOnPostgres() : SpecClientTests(DatabaseKind.Postgres);
