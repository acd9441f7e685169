using System.Net;
using Parley.Stix;
using Parley.Stix.Validation;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Requests;

public sealed class RequestStixTests() : AppTest(DatabaseKind.Sqlite)
{
    [Fact]
    public async Task Export_IsAValidStixBundle_WithTheRequestsMarkingOnEveryIndicator()
    {
        var id = await RequestBodies.SubmitAsync(App);
        var response = await App.As("cn.officer").GetAsync($"/api/v1/requests/{id}/stix");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/stix+json", response.Content.Headers.ContentType!.MediaType);
        var bundle = StixBundle.Parse(await response.Content.ReadAsStringAsync());
        var errors = StixValidator.Validate(bundle);
        Assert.True(errors.Count == 0, string.Join("; ", errors));

        var amber = Parley.Stix.Markings.Tlp.Amber.Id;
        var indicators = bundle.Objects.Where(o => o.Type == "indicator").ToList();
        Assert.Equal(3, indicators.Count);
        Assert.All(indicators, i => Assert.Equal([amber], i.ObjectMarkingRefs));
        Assert.Contains(indicators, i => (string?)i["pattern"] == "[ipv4-addr:value = '203.0.113.7']");
        Assert.Contains(indicators, i => (string?)i["pattern"] == "[file:hashes.'MD5' = '44d88612fea8a8f36de82e1278abb02f']");
        Assert.Single(bundle.Objects, o => o.Type == "observed-data");
        Assert.Single(bundle.Objects, o => o.Type == "identity");
        Assert.Contains(bundle.Objects, o => o.Id == amber);
    }

    [Fact]
    public async Task Export_SameObservable_SameIdInEveryExport()
    {
        var first = StixBundle.Parse(await (await App.As("us.officer").GetAsync($"/api/v1/requests/{await RequestBodies.SubmitAsync(App)}/stix")).Content.ReadAsStringAsync());
        var second = StixBundle.Parse(await (await App.As("us.officer").GetAsync($"/api/v1/requests/{await RequestBodies.SubmitAsync(App)}/stix")).Content.ReadAsStringAsync());
        var ip = first.Objects.Single(o => o.Type == "ipv4-addr").Id;
        Assert.Equal(ip, second.Objects.Single(o => o.Type == "ipv4-addr").Id);
        Assert.NotEqual(first.Objects.Single(o => o.Type == "observed-data").Id, second.Objects.Single(o => o.Type == "observed-data").Id);
    }

    [Fact]
    public async Task Export_ThirdParty_GetsNotFound()
    {
        var id = await RequestBodies.SubmitAsync(App);
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("gb.officer").GetAsync($"/api/v1/requests/{id}/stix")).StatusCode);
    }
}
