using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Taxii;

public sealed class TaxiiBadInputTests() : AppTest(DatabaseKind.Sqlite)
{
    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Configuration["TaxiiOptions:MaxContentLength"] = "65536";

    [Fact]
    public async Task BadObjects_AreFailuresInTheStatus_AndTheRestIsStored()
    {
        var shared = await Taxii.CollectionAsync(App);
        var good = StixSamples.Indicator();
        JsonObject With(string property, JsonNode? value) { var o = StixSamples.Indicator(); o[property] = value; return o; }
        var objects = new JsonNode?[]
        {
            good,
            JsonValue.Create("this is not an object"),
            With("spec_version", "2.0"),
            With("id", "indicator--not-a-uuid"),
            With("created", "2026-13-45T10:00:00.000Z"),
            With("pattern", "[ipv4-addr:value = "),
            With("modified", "2025-01-01T00:00:00.000Z"),
            With("object_marking_refs", new JsonArray("marking-definition--2b4c8f1e-1111-4c4c-9d9d-0123456789ab")),
            With("created_by_ref", "indicator--2b4c8f1e-1111-4c4c-9d9d-0123456789ab"),
        };
        var response = await App.As("us.officer").PostAsync($"{shared}objects/", Taxii.Content(StixSamples.Envelope(objects)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = await response.ReadAsync();
        Assert.Equal(9, status.GetProperty("total_count").GetInt32());
        Assert.Equal(1, status.GetProperty("success_count").GetInt32());
        Assert.Equal(8, status.GetProperty("failure_count").GetInt32());
        var failures = status.GetProperty("failures").EnumerateArray().Select(f => f.Str("message")).ToList();
        Assert.Contains(failures, m => m.StartsWith("objects[1]") && m.Contains("not a JSON object"));
        Assert.Contains(failures, m => m.StartsWith("objects[2]") && m.Contains("spec_version"));
        Assert.Contains(failures, m => m.StartsWith("objects[3]") && m.Contains("$.id"));
        Assert.Contains(failures, m => m.StartsWith("objects[4]") && m.Contains("$.created"));
        Assert.Contains(failures, m => m.StartsWith("objects[5]") && m.Contains("$.pattern") && m.Contains("position"));
        Assert.Contains(failures, m => m.StartsWith("objects[6]") && m.Contains("$.modified"));
        Assert.Contains(failures, m => m.StartsWith("objects[7]") && m.Contains("unknown marking definition"));
        Assert.Contains(failures, m => m.StartsWith("objects[8]") && m.Contains("created_by_ref"));

        var stored = await Taxii.GetAsync(App, "cn.officer", $"{shared}objects/?match[version]=all");
        Assert.Equal([good["id"]!.ToString()], Taxii.Ids(stored));
    }

    [Fact]
    public async Task AMarkingDefinitionSentFirst_IsAKnownMarking()
    {
        var shared = await Taxii.CollectionAsync(App);
        var statement = new JsonObject
        {
            ["type"] = "marking-definition", ["spec_version"] = "2.1", ["id"] = StixSamples.NewId("marking-definition"),
            ["created"] = "2026-01-01T00:00:00.000Z", ["definition_type"] = "statement", ["definition"] = new JsonObject { ["statement"] = "Copyright 2026 FBI" },
        };
        var marked = StixSamples.Indicator(marking: statement["id"]!.ToString());
        await Taxii.PostAsync(App, "us.officer", shared, statement, marked);
        var later = StixSamples.Indicator(marking: statement["id"]!.ToString());
        await Taxii.PostAsync(App, "us.officer", shared, later);
    }

    [Fact]
    public async Task OverMaxContentLength_Is413TaxiiError()
    {
        var shared = await Taxii.CollectionAsync(App);
        var objects = Enumerable.Range(0, 400).Select(_ => (JsonNode?)StixSamples.Indicator());
        var response = await App.As("us.officer").PostAsync($"{shared}objects/", Taxii.Content(StixSamples.Envelope(objects)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(Taxii.Media, response.Content.Headers.ContentType!.ToString().Replace(" ", ""));
        Assert.Equal("413", (await response.ReadAsync()).Str("http_status"));
        var root = await Taxii.GetAsync(App, "us.officer", Taxii.Root);
        Assert.Equal(65536, root.GetProperty("max_content_length").GetInt64());
    }

    [Fact]
    public async Task Envelope_WithoutObjectsList_Is400()
    {
        var shared = await Taxii.CollectionAsync(App);
        var response = await App.As("us.officer").PostAsync($"{shared}objects/", Taxii.Content(new JsonObject { ["objects"] = "none" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("400", (await response.ReadAsync()).Str("http_status"));
    }
}
