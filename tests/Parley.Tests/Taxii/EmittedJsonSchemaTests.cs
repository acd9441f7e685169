using System.Net;
using System.Text.Json.Nodes;
using Parley.Stix;
using Parley.Stix.Tests;
using Parley.Tests.Infrastructure;
using Parley.Tests.Requests;

namespace Parley.Tests.Taxii;

/// Everything Parley emits, checked against schemas: STIX objects against the official OASIS STIX 2.1
/// schemas (vendored in data/stix/schemas), TAXII resources against the schemas of <see cref="TaxiiSchemas"/>.
public sealed class EmittedJsonSchemaTests() : AppTest(DatabaseKind.Sqlite)
{
    private static readonly HashSet<string> Vendored = new(System.IO.Directory.EnumerateFiles(OfficialSchemas.Directory, "*.json", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(OfficialSchemas.Directory, f).Replace('\\', '/')));

    private static async Task AssertStixValidAsync(JsonNode? obj, string where)
    {
        var stix = StixObject.Parse(obj!.ToJsonString());
        Assert.True(Vendored.Contains(OfficialSchemas.FileFor(stix.Type)), $"{where}: no vendored schema for {stix.Type}; add it to data/stix/schemas");
        var errors = await OfficialSchemas.ValidateAsync(stix);
        Assert.True(errors.Count == 0, $"{where} {stix}: {string.Join("; ", errors)}");
    }

    private async Task<string> GetAsync(string user, string url, string schema)
    {
        var response = await App.As(user).GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        await TaxiiSchemas.AssertValidAsync(schema, text, url);
        return text;
    }

    [Fact]
    public async Task RequestExport_AndBundleExport_PassTheOfficialStixSchemas()
    {
        var request = await RequestBodies.SubmitAsync(App);
        var bundle = JsonNode.Parse(await (await App.As("cn.officer").GetAsync($"/api/v1/requests/{request}/stix")).Content.ReadAsStringAsync())!;
        foreach (var o in bundle["objects"]!.AsArray()) await AssertStixValidAsync(o, "request export");

        Assert.Equal(HttpStatusCode.OK, (await App.As("us.officer").PostRawAsync("/api/v1/stix/bundles", StixSamples.Bundle(StixBundleApiTests.Variety()))).StatusCode);
        var export = JsonNode.Parse(await (await App.As("us.officer").GetAsync("/api/v1/stix/bundles")).Content.ReadAsStringAsync())!;
        Assert.True(StixIdentifier.TryParse((string?)export["id"], out var id) && id.Type == "bundle");
        foreach (var o in export["objects"]!.AsArray()) await AssertStixValidAsync(o, "bundle export");
    }

    [Fact]
    public async Task EveryTaxiiResource_AndEveryObjectInIt_PassesItsSchema()
    {
        var shared = await Taxii.CollectionAsync(App);
        var indicator = StixSamples.Indicator(marking: StixSamples.TlpGreen);
        var id = indicator["id"]!.ToString();
        var post = await App.As("us.officer").PostAsync($"{shared}objects/",
            Taxii.Content(StixSamples.Envelope([indicator, StixSamples.Ipv4("198.51.100.1"), StixSamples.IntrusionSet("APT1"), JsonValue.Create(42)])));
        var status = await post.Content.ReadAsStringAsync();
        await TaxiiSchemas.AssertValidAsync(TaxiiSchemas.Status, status, "POST objects");

        await GetAsync("cn.officer", "/taxii2/", TaxiiSchemas.Discovery);
        await GetAsync("cn.officer", Taxii.Root, TaxiiSchemas.ApiRoot);
        await GetAsync("cn.officer", $"{Taxii.Root}collections/", TaxiiSchemas.Collections);
        await GetAsync("cn.officer", shared, TaxiiSchemas.Collection);
        await GetAsync("us.officer", $"{Taxii.Root}status/{JsonNode.Parse(status)!["id"]}/", TaxiiSchemas.Status);
        await GetAsync("cn.officer", $"{shared}manifest/", TaxiiSchemas.Manifest);
        await GetAsync("cn.officer", $"{shared}objects/{id}/versions/", TaxiiSchemas.Versions);
        foreach (var url in new[] { $"{shared}objects/", $"{shared}objects/{id}/", $"{shared}objects/?limit=1" })
        {
            var envelope = JsonNode.Parse(await GetAsync("cn.officer", url, TaxiiSchemas.Envelope))!;
            foreach (var o in envelope["objects"]!.AsArray()) await AssertStixValidAsync(o, url);
        }
        foreach (var (user, url) in new[] { ("us.officer", "/taxii2/nowhere/"), ("us.overseer", $"{shared}objects/"), ("us.officer", $"{shared}objects/?limit=x") })
            await GetAsync(user, url, TaxiiSchemas.Error);
        var anonymous = await App.Anonymous().GetAsync("/taxii2/");
        await TaxiiSchemas.AssertValidAsync(TaxiiSchemas.Error, await anonymous.Content.ReadAsStringAsync(), "401");
    }
}
