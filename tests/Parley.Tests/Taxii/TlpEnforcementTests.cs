using System.Net;
using System.Text.Json.Nodes;
using Parley.Stix;
using Parley.Tests.Infrastructure;
using Parley.Tests.Requests;

namespace Parley.Tests.Taxii;

/// TLP 2.0 on every way out: TAXII objects, object by id, versions, manifest, bundle export, request export.
public abstract class TlpEnforcementTests(DatabaseKind kind) : AppTest(kind)
{
    private static readonly string[] Everyone = ["us.officer", "us.officer2", "us.dhs", "us.supervisor", "us.analyst", "cn.officer", "cn.officer2", "cn.mss", "cn.supervisor", "gb.officer"];

    /// Every path a user could read an object through; true when the object's id shows up in any of them.
    private async Task<bool> SeesAsync(string user, string collection, string id)
    {
        var client = App.As(user);
        var texts = new List<string>();
        foreach (var url in new[]
        {
            $"{collection}objects/", $"{collection}objects/?match[version]=all", $"{collection}objects/{id}/", $"{collection}objects/{id}/versions/",
            $"{collection}manifest/?match[version]=all", $"{collection}objects/?match[id]={id}",
            "/api/v1/stix/bundles", $"/api/v1/stix/bundles?collection={collection.Split('/')[^2]}",
        })
        {
            var response = await client.GetAsync(url);
            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
            // Error messages may echo the id that was asked for; only content counts.
            if (response.StatusCode == HttpStatusCode.OK) texts.Add(await response.Content.ReadAsStringAsync());
        }
        return texts.Any(t => t.Contains(id, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(StixSamples.TlpRed)]
    [InlineData(StixSamples.TlpV1Red)]
    [InlineData(StixSamples.TlpAmberStrict)]
    public async Task RedAndAmberStrict_SentToMps_ReachOnlyFbiAndMps(string marking)
    {
        var toMps = await Taxii.CollectionAsync(App, "MPS");
        var secret = StixSamples.Indicator(marking: marking);
        await Taxii.PostAsync(App, "us.officer", toMps, secret);
        var id = secret["id"]!.ToString();
        var readers = new List<string>();
        foreach (var user in Everyone)
            if (await SeesAsync(user, toMps, id)) readers.Add(user);
        Assert.Equal(["us.officer", "us.officer2", "us.supervisor", "us.analyst", "cn.officer", "cn.officer2", "cn.supervisor"], readers);
    }

    [Fact]
    public async Task Red_InTheSharedCollection_HasNoNamedRecipient_SoOnlyTheSenderReadsIt()
    {
        var shared = await Taxii.CollectionAsync(App);
        var secret = StixSamples.Indicator(marking: StixSamples.TlpRed);
        await Taxii.PostAsync(App, "cn.officer", shared, secret);
        var readers = new List<string>();
        foreach (var user in Everyone)
            if (await SeesAsync(user, shared, secret["id"]!.ToString())) readers.Add(user);
        Assert.Equal(["cn.officer", "cn.officer2", "cn.supervisor"], readers);
    }

    [Fact]
    public async Task Red_GranularMarkingAlone_HidesTheWholeObject()
    {
        var toMps = await Taxii.CollectionAsync(App, "MPS");
        var secret = StixSamples.Indicator();
        secret["granular_markings"] = new JsonArray(new JsonObject { ["marking_ref"] = StixSamples.TlpRed, ["selectors"] = new JsonArray("pattern") });
        await Taxii.PostAsync(App, "us.officer", toMps, secret);
        Assert.False(await SeesAsync("cn.mss", toMps, secret["id"]!.ToString()));
        Assert.True(await SeesAsync("cn.officer", toMps, secret["id"]!.ToString()));
    }

    [Fact]
    public async Task Amber_ReachesBothParties_Green_AndNeverAThirdParty()
    {
        var toMps = await Taxii.CollectionAsync(App, "MPS");
        var amber = StixSamples.Indicator(marking: StixSamples.TlpAmber);
        var green = StixSamples.Indicator(marking: StixSamples.TlpGreen);
        await Taxii.PostAsync(App, "us.officer", toMps, amber, green);
        foreach (var user in new[] { "us.dhs", "cn.mss" })
        {
            Assert.True(await SeesAsync(user, toMps, amber["id"]!.ToString()));
            Assert.True(await SeesAsync(user, toMps, green["id"]!.ToString()));
        }
        Assert.False(await SeesAsync("gb.officer", toMps, green["id"]!.ToString()));
    }

    [Fact]
    public async Task RedObject_LatestVersion_DoesNotLeakThroughAnOlderGreenOne()
    {
        var toMps = await Taxii.CollectionAsync(App, "MPS");
        var id = StixSamples.NewId("indicator");
        await Taxii.PostAsync(App, "us.officer", toMps, StixSamples.Indicator(id, marking: StixSamples.TlpGreen));
        await Taxii.PostAsync(App, "us.officer", toMps, StixSamples.Indicator(id, "2026-01-05T10:00:00.000Z", "2026-02-01T00:00:00.000Z", StixSamples.TlpRed));
        var page = await Taxii.GetAsync(App, "cn.mss", $"{toMps}objects/?match[version]=all");
        var versions = page.GetProperty("objects").EnumerateArray().Select(o => o.Str("modified")).ToList();
        Assert.Equal(["2026-01-05T10:00:00.000Z"], versions);
        Assert.DoesNotContain(StixSamples.TlpRed, page.ToString());
    }

    [Fact]
    public async Task RedRequest_StixExport_OnlyForTheNamedAgencies()
    {
        var body = RequestBodies.Valid(toAgency: "MPS");
        body["tlp"] = "red";
        var created = await App.As("us.officer").PostJsonAsync("/api/v1/requests", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadAsync()).Path("summary", "id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await App.As("us.officer").GetAsync($"/api/v1/requests/{id}/stix")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.As("cn.officer").GetAsync($"/api/v1/requests/{id}/stix")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("cn.mss").GetAsync($"/api/v1/requests/{id}/stix")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("us.dhs").GetAsync($"/api/v1/requests/{id}/stix")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("gb.officer").GetAsync($"/api/v1/requests/{id}/stix")).StatusCode);
    }
}

public sealed class TlpEnforcementOnSqlite() : TlpEnforcementTests(DatabaseKind.Sqlite);

public sealed class TlpEnforcementOnPostgres() : TlpEnforcementTests(DatabaseKind.Postgres);
