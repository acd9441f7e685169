using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Text.Json.Nodes;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Taxii;

public abstract class StixBundleApiTests(DatabaseKind kind) : AppTest(kind)
{
    /// A bundle with a bit of everything: markings (official and custom), SDOs, an SCO, an SRO,
    /// custom properties, non-ASCII text, numbers, and two versions of one object.
    public static List<JsonObject> Variety()
    {
        var statement = new JsonObject
        {
            ["type"] = "marking-definition", ["spec_version"] = "2.1", ["id"] = StixSamples.NewId("marking-definition"),
            ["created"] = "2026-01-01T00:00:00.000Z", ["definition_type"] = "statement", ["definition"] = new JsonObject { ["statement"] = "© 2026 公安部" },
        };
        var identity = new JsonObject
        {
            ["type"] = "identity", ["spec_version"] = "2.1", ["id"] = StixSamples.NewId("identity"),
            ["created"] = "2026-01-01T00:00:00.000Z", ["modified"] = "2026-01-01T00:00:00.000Z", ["name"] = "Ministry of Public Security", ["identity_class"] = "organization",
        };
        var set = StixSamples.IntrusionSet("APT1", StixSamples.TlpGreen);
        set["aliases"] = new JsonArray("Comment Crew", "Comment Panda");
        var indicatorId = StixSamples.NewId("indicator");
        var v1 = StixSamples.Indicator(indicatorId, marking: statement["id"]!.ToString());
        v1["confidence"] = 85;
        v1["x_custom_number"] = 1.50;
        var v2 = StixSamples.Indicator(indicatorId, "2026-01-05T10:00:00.000Z", "2026-01-09T08:30:00.1234Z", StixSamples.TlpAmber);
        var relationship = new JsonObject
        {
            ["type"] = "relationship", ["spec_version"] = "2.1", ["id"] = StixSamples.NewId("relationship"),
            ["created"] = "2026-01-06T00:00:00.000Z", ["modified"] = "2026-01-06T00:00:00.000Z", ["relationship_type"] = "indicates",
            ["source_ref"] = indicatorId, ["target_ref"] = set["id"]!.ToString(), ["created_by_ref"] = identity["id"]!.ToString(),
        };
        return [statement, identity, set, v1, v2, StixSamples.Ipv4("203.0.113.9"), relationship];
    }

    [Fact]
    public async Task RoundTrip_ImportThenExport_GivesTheSameObjects()
    {
        var sent = Variety();
        var response = await App.As("cn.officer").PostRawAsync("/api/v1/stix/bundles", StixSamples.Bundle(sent));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.ReadAsync();
        Assert.True(sent.Count == summary.GetProperty("stored").GetInt32(), summary.ToString());

        var export = await App.As("cn.officer").GetAsync("/api/v1/stix/bundles");
        Assert.Equal("application/stix+json", export.Content.Headers.ContentType!.MediaType);
        var bundle = JsonNode.Parse(await export.Content.ReadAsStringAsync())!;
        Assert.Equal("bundle", (string)bundle["type"]!);
        var received = bundle["objects"]!.AsArray().ToList();
        Assert.Equal(sent.Count, received.Count);
        foreach (var (a, b) in sent.Zip(received)) Assert.True(JsonNode.DeepEquals(a, b), $"{a}\n≠\n{b}");

        var again = await (await App.As("cn.officer").PostRawAsync("/api/v1/stix/bundles", StixSamples.Bundle(sent))).ReadAsync();
        Assert.Equal(0, again.GetProperty("stored").GetInt32());
        Assert.Equal(sent.Count, again.GetProperty("duplicates").GetInt32());
    }

    /// Objects are stored a thousand at a time. One met again in a later batch is found whether the collection held
    /// nothing before the import (only what the import itself stored is looked up) or held objects already.
    [Fact]
    public async Task Import_ObjectsMetAgainInALaterBatch_AreDuplicatesOrNewVersions()
    {
        var id = StixSamples.NewId("indicator");
        var v1 = StixSamples.Indicator(id);
        var v2 = StixSamples.Indicator(id, modified: "2026-02-01T00:00:00.000Z");
        var address = StixSamples.Ipv4("198.51.100.1");
        var filler = Enumerable.Range(0, 1200).Select(_ => StixSamples.Indicator()).ToList();

        var first = await ImportAsync([v1, address, .. filler, v1, address, v2]);
        Assert.Equal((1203, 2), first);
        Assert.Equal([(true, false), (false, true)], await FlagsAsync(id));

        var v3 = StixSamples.Indicator(id, modified: "2026-03-01T00:00:00.000Z");
        var second = await ImportAsync([.. filler.Take(1100), v2, address, v3]);
        Assert.Equal((1, 1102), second);
        Assert.Equal([(true, false), (false, false), (false, true)], await FlagsAsync(id));
    }

    private async Task<(int Stored, int Duplicates)> ImportAsync(List<JsonObject> objects)
    {
        var summary = await (await App.As("cn.officer").PostRawAsync("/api/v1/stix/bundles", StixSamples.Bundle(objects))).ReadAsync();
        return (summary.GetProperty("stored").GetInt32(), summary.GetProperty("duplicates").GetInt32());
    }

    private Task<List<(bool First, bool Last)>> FlagsAsync(string stixId) => App.WithDbAsync(async db =>
        (await db.StixObjects.Where(o => o.StixId == stixId).OrderBy(o => o.Version).Select(o => new { o.IsFirst, o.IsLast }).ToListAsync())
            .Select(o => (o.IsFirst, o.IsLast)).ToList());

    [Fact]
    public async Task Import_InvalidObjects_AreListed_TheOthersStored()
    {
        var bad = StixSamples.Indicator(pattern: "[file:hashes.MD5 = ");
        var response = await App.As("us.officer").PostRawAsync("/api/v1/stix/bundles?mechanism=us-cn", StixSamples.Bundle([StixSamples.Indicator(), bad]));
        var summary = await response.ReadAsync();
        Assert.Equal(1, summary.GetProperty("stored").GetInt32());
        var failure = summary.GetProperty("failures").EnumerateArray().Single();
        Assert.Equal(1, failure.GetProperty("index").GetInt32());
        Assert.Contains("position", failure.Str("message"));
    }

    [Theory]
    [InlineData("{\"type\": \"bundle\", \"id\": \"bundle--0b6e4f53-98a6-4bd4-a5e4-0f3c1b2d3e4f\", \"objects\": [ {\"type\": \"indicator\"}, ")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"type\": \"identity\"}")]
    [InlineData("")]
    public async Task Import_MalformedBundle_Is400NamingTheBody_AndStoresNothing(string body)
    {
        var response = await App.As("us.officer").PostRawAsync("/api/v1/stix/bundles", body.Replace("{\"type\": \"indicator\"}", StixSamples.Indicator().ToJsonString()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("body", (await response.ReadAsync()).ErrorFields());
        Assert.Equal(0, await App.WithDbAsync(db => Task.FromResult(db.StixObjects.Count())));
    }

    [Fact]
    public async Task Import_UnknownMechanismOrCollection_Is400NamingTheField()
    {
        var bundle = StixSamples.Bundle([StixSamples.Indicator()]);
        Assert.Contains("mechanism", (await (await App.As("us.officer").PostRawAsync("/api/v1/stix/bundles?mechanism=US-RU", bundle)).ReadAsync()).ErrorFields());
        Assert.Contains("collection", (await (await App.As("us.officer").PostRawAsync("/api/v1/stix/bundles?collection=nope", bundle)).ReadAsync()).ErrorFields());
        Assert.Contains("mechanism", (await (await App.As("gb.officer").PostRawAsync("/api/v1/stix/bundles", bundle)).ReadAsync()).ErrorFields());
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("us.overseer").PostRawAsync("/api/v1/stix/bundles", bundle)).StatusCode);
    }
}

public sealed class StixBundleApiOnSqlite() : StixBundleApiTests(DatabaseKind.Sqlite);

public sealed class StixBundleApiOnPostgres() : StixBundleApiTests(DatabaseKind.Postgres);
