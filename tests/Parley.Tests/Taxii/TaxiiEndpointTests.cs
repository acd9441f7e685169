using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Taxii;

public abstract class TaxiiEndpointTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task Discovery_WithoutCredentials_Is401WithWwwAuthenticateAndTaxiiError()
    {
        var response = await App.Anonymous().GetAsync("/taxii2/");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenges = response.Headers.WwwAuthenticate.Select(h => h.Scheme).ToList();
        Assert.Contains("Basic", challenges);
        Assert.Contains("Bearer", challenges);
        Assert.Equal(Taxii.Media, response.Content.Headers.ContentType!.ToString().Replace(" ", ""));
        var error = await response.ReadAsync();
        Assert.Equal("401", error.Str("http_status"));
        Assert.False(string.IsNullOrEmpty(error.Str("title")));
    }

    [Fact]
    public async Task Discovery_ListsTheApiRootsOfTheCallersMechanisms()
    {
        var us = await Taxii.GetAsync(App, "us.officer", "/taxii2/");
        Assert.Equal(["http://localhost/taxii2/us-cn/"], us.GetProperty("api_roots").EnumerateArray().Select(r => r.GetString()));
        var gb = await Taxii.GetAsync(App, "gb.officer", "/taxii2/");
        Assert.Empty(gb.GetProperty("api_roots").EnumerateArray());
    }

    [Fact]
    public async Task ApiRoot_AdvertisesVersionAndMaxContentLength_AndIsHiddenFromOtherParties()
    {
        var root = await Taxii.GetAsync(App, "cn.officer", Taxii.Root);
        Assert.Equal([Taxii.Media], root.GetProperty("versions").EnumerateArray().Select(v => v.GetString()));
        Assert.True(root.GetProperty("max_content_length").GetInt64() > 0);
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("gb.officer").GetAsync(Taxii.Root)).StatusCode);
        var missing = await App.As("us.officer").GetAsync("/taxii2/nowhere/");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("404", (await missing.ReadAsync()).Str("http_status"));
    }

    [Fact]
    public async Task UnknownPathsAndWrongMethods_AnswerWithTheTaxiiErrorMessage()
    {
        var unknown = await App.As("us.officer").GetAsync($"{Taxii.Root}no-such-resource/");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(Taxii.Media, unknown.Content.Headers.ContentType!.ToString().Replace(" ", ""));
        Assert.Equal("404", (await unknown.ReadAsync()).Str("http_status"));

        var shared = await Taxii.CollectionAsync(App);
        var put = await App.As("us.officer").PutAsync($"{shared}objects/", Taxii.Content(StixSamples.Envelope([StixSamples.Indicator()])));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
        Assert.Equal(Taxii.Media, put.Content.Headers.ContentType!.ToString().Replace(" ", ""));
        Assert.Equal(["GET", "POST"], put.Content.Headers.Allow.Order(StringComparer.Ordinal));
        Assert.Equal("405", (await put.ReadAsync()).Str("http_status"));

        var anonymous = await App.Anonymous().GetAsync($"{Taxii.Root}no-such-resource/");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Collections_SayWhatEachCallerMayDo()
    {
        var officer = await Taxii.GetAsync(App, "us.officer", $"{Taxii.Root}collections/");
        var all = officer.GetProperty("collections").EnumerateArray().ToList();
        Assert.Equal(1 + 4, all.Count); // shared + FBI, DHS, MPS, MSS
        Assert.All(all, c => Assert.True(c.GetProperty("can_read").GetBoolean() && c.GetProperty("can_write").GetBoolean()));
        Assert.All(all, c => Assert.Equal(["application/stix+json;version=2.1"], c.GetProperty("media_types").EnumerateArray().Select(m => m.GetString())));

        var overseer = await Taxii.GetAsync(App, "us.overseer", $"{Taxii.Root}collections/");
        Assert.All(overseer.GetProperty("collections").EnumerateArray(), c => Assert.False(c.GetProperty("can_read").GetBoolean() || c.GetProperty("can_write").GetBoolean()));
        var shared = await Taxii.CollectionAsync(App);
        var one = await Taxii.GetAsync(App, "cn.officer", shared);
        Assert.Equal(shared.Split('/')[^2], one.Str("id"));
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("us.overseer").GetAsync($"{shared}objects/")).StatusCode);
        var post = await App.As("us.overseer").PostAsync($"{shared}objects/", Taxii.Content(StixSamples.Envelope([StixSamples.Indicator()])));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("403", (await post.ReadAsync()).Str("http_status"));
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("us.officer").GetAsync($"{Taxii.Root}collections/{Guid.NewGuid()}/")).StatusCode);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/taxii+json;version=2.0")]
    [InlineData("text/html")]
    public async Task UnsupportedAccept_Is406(string accept)
    {
        var client = App.As("us.officer");
        client.DefaultRequestHeaders.Accept.ParseAdd(accept);
        var response = await client.GetAsync($"{Taxii.Root}collections/");
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("406", (await response.ReadAsync()).Str("http_status"));
    }

    [Fact]
    public async Task Post_WithJsonContentType_Is415()
    {
        var shared = await Taxii.CollectionAsync(App);
        var response = await App.As("us.officer").PostAsync($"{shared}objects/", Taxii.Content(StixSamples.Envelope([StixSamples.Indicator()]), "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("415", (await response.ReadAsync()).Str("http_status"));
    }

    [Fact]
    public async Task Post_MalformedJson_Is400TaxiiError()
    {
        var shared = await Taxii.CollectionAsync(App);
        var content = new StringContent("{\"objects\": [ {\"type\": ", System.Text.Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(Taxii.Media);
        var response = await App.As("us.officer").PostAsync($"{shared}objects/", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Taxii.Media, response.Content.Headers.ContentType!.ToString().Replace(" ", ""));
    }

    [Fact]
    public async Task PostThenGet_ObjectsComeBackAsSent_WithDateAddedHeaders()
    {
        var shared = await Taxii.CollectionAsync(App);
        var indicator = StixSamples.Indicator();
        var ip = StixSamples.Ipv4("198.51.100.23");
        var status = await Taxii.PostAsync(App, "us.officer", shared, indicator, ip);
        Assert.Equal("complete", status.Str("status"));
        Assert.Equal(2, status.GetProperty("success_count").GetInt32());
        Assert.Equal(0, status.GetProperty("pending_count").GetInt32());

        var response = await App.As("cn.officer").GetAsync($"{shared}objects/");
        Assert.Equal(Taxii.Media, response.Content.Headers.ContentType!.ToString().Replace(" ", ""));
        var first = response.Headers.GetValues("X-TAXII-Date-Added-First").Single();
        var last = response.Headers.GetValues("X-TAXII-Date-Added-Last").Single();
        Assert.True(string.CompareOrdinal(first, last) < 0);
        var envelope = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.False(envelope["more"]!.GetValue<bool>());
        Assert.True(JsonNode.DeepEquals(indicator, envelope["objects"]![0]));
        Assert.True(JsonNode.DeepEquals(ip, envelope["objects"]![1]));

        var again = await App.As("us.officer").GetAsync($"{Taxii.Root}status/{status.Str("id")}/");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("cn.officer").GetAsync($"{Taxii.Root}status/{status.Str("id")}/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("us.officer").GetAsync($"{Taxii.Root}status/{Guid.NewGuid()}/")).StatusCode);
    }

    [Fact]
    public async Task EmptyCollection_IsAnEmptyEnvelopeWithoutDateHeaders()
    {
        var response = await App.As("us.officer").GetAsync($"{await Taxii.CollectionAsync(App, "MSS")}objects/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("X-TAXII-Date-Added-First"));
        var envelope = await response.ReadAsync();
        Assert.False(envelope.GetProperty("more").GetBoolean());
        Assert.False(envelope.TryGetProperty("objects", out _));
    }

    [Fact]
    public async Task Versions_ObjectById_Manifest_AndTheVersionFilter()
    {
        var shared = await Taxii.CollectionAsync(App);
        var id = StixSamples.NewId("indicator");
        const string v1 = "2026-01-05T10:00:00.000Z", v2 = "2026-01-06T10:00:00.000Z", v3 = "2026-01-07T10:00:00.123Z";
        await Taxii.PostAsync(App, "us.officer", shared, StixSamples.Indicator(id, v1));
        await Taxii.PostAsync(App, "us.officer", shared, StixSamples.Indicator(id, v1, v3), StixSamples.Indicator(id, v1, v2));

        string Modified(System.Text.Json.JsonElement e) => e.GetProperty("objects").EnumerateArray().Single().Str("modified");
        Assert.Equal(v3, Modified(await Taxii.GetAsync(App, "cn.officer", $"{shared}objects/{id}/")));
        Assert.Equal(v1, Modified(await Taxii.GetAsync(App, "cn.officer", $"{shared}objects/{id}/?match[version]=first")));
        Assert.Equal(v2, Modified(await Taxii.GetAsync(App, "cn.officer", $"{shared}objects/{id}/?match[version]={v2}")));
        Assert.Equal(3, (await Taxii.GetAsync(App, "cn.officer", $"{shared}objects/{id}/?match[version]=all")).GetProperty("objects").GetArrayLength());
        Assert.Equal(2, (await Taxii.GetAsync(App, "cn.officer", $"{shared}objects/?match[version]=first,last")).GetProperty("objects").GetArrayLength());

        var versions = await Taxii.GetAsync(App, "cn.officer", $"{shared}objects/{id}/versions/");
        Assert.Equal([v1, v3, v2], versions.GetProperty("versions").EnumerateArray().Select(v => v.GetString()));

        var manifest = await Taxii.GetAsync(App, "cn.officer", $"{shared}manifest/?match[version]=all");
        var entries = manifest.GetProperty("objects").EnumerateArray().ToList();
        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.Equal(id, e.Str("id")));
        Assert.All(entries, e => Assert.Equal("application/stix+json;version=2.1", e.Str("media_type")));
        Assert.True(entries.All(e => e.TryGetProperty("date_added", out _)));

        var bad = await App.As("cn.officer").GetAsync($"{shared}objects/?match[version]=newest");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await App.As("cn.officer").GetAsync($"{shared}objects/?added_after=yesterday")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await App.As("cn.officer").GetAsync($"{shared}objects/?limit=0")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("cn.officer").GetAsync($"{shared}objects/{StixSamples.NewId("indicator")}/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("cn.officer").GetAsync($"{shared}objects/{StixSamples.NewId("indicator")}/versions/")).StatusCode);
    }

    [Fact]
    public async Task Delete_ByTheSharingPartyOnly_ThenGone()
    {
        var shared = await Taxii.CollectionAsync(App);
        var indicator = StixSamples.Indicator();
        await Taxii.PostAsync(App, "us.officer", shared, indicator);
        var url = $"{shared}objects/{indicator["id"]}/";
        var refused = await App.As("cn.officer").DeleteAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.As("us.officer2").DeleteAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("us.officer").GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("us.officer").DeleteAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Paging_1000ObjectsWithLimit7_ReturnsEachExactlyOnce()
    {
        var shared = await Taxii.CollectionAsync(App);
        var sent = Enumerable.Range(0, 1000).Select(i => StixSamples.Indicator(pattern: $"[ipv4-addr:value = '10.0.{i / 256}.{i % 256}']")).ToList();
        await Taxii.PostAsync(App, "us.officer", shared, [.. sent]);

        var seen = new List<string>();
        string? next = null;
        var pages = 0;
        string? lastDate = null;
        do
        {
            var response = await App.As("cn.officer").GetAsync($"{shared}objects/?limit=7" + (next is null ? "" : $"&next={next}"));
            var page = await response.ReadAsync();
            var ids = Taxii.Ids(page);
            Assert.InRange(ids.Count, 1, 7);
            var first = response.Headers.GetValues("X-TAXII-Date-Added-First").Single();
            if (lastDate is not null) Assert.True(string.CompareOrdinal(lastDate, first) < 0);
            lastDate = response.Headers.GetValues("X-TAXII-Date-Added-Last").Single();
            seen.AddRange(ids);
            next = page.GetProperty("more").GetBoolean() ? page.Str("next") : null;
            pages++;
        }
        while (next is not null);
        Assert.Equal(143, pages);
        Assert.Equal(sent.Select(o => (string)o["id"]!).Order(), seen.Order());
        Assert.Equal(1000, seen.Distinct().Count());

        // Resuming by date works as well as by cursor: added_after = the last date seen gives what came after.
        var tail = await Taxii.GetAsync(App, "cn.officer", $"{shared}objects/?added_after={Uri.EscapeDataString(lastDate!)}");
        Assert.Empty(Taxii.Ids(tail));
    }

    [Fact]
    public async Task Filters_Combine()
    {
        var shared = await Taxii.CollectionAsync(App);
        var a = StixSamples.Indicator();
        var b = StixSamples.Indicator();
        var set = StixSamples.IntrusionSet("APT1");
        var ip = StixSamples.Ipv4("192.0.2.1");
        await Taxii.PostAsync(App, "us.officer", shared, a, set);
        var later = await Taxii.PostAsync(App, "us.officer", shared, b, ip);
        var firstBatch = await App.As("us.officer").GetAsync($"{shared}objects/?limit=2");
        var cut = firstBatch.Headers.GetValues("X-TAXII-Date-Added-Last").Single();

        var types = await Taxii.GetAsync(App, "cn.officer", $"{shared}objects/?match[type]=indicator,ipv4-addr");
        Assert.Equal([a["id"]!.ToString(), b["id"]!.ToString(), ip["id"]!.ToString()], Taxii.Ids(types));
        var combined = await Taxii.GetAsync(App, "cn.officer",
            $"{shared}objects/?match[type]=indicator&match[id]={a["id"]},{b["id"]},{set["id"]}&added_after={Uri.EscapeDataString(cut)}&match[spec_version]=2.1");
        Assert.Equal([b["id"]!.ToString()], Taxii.Ids(combined));
        var none = await Taxii.GetAsync(App, "cn.officer", $"{shared}objects/?match[type]=indicator&match[spec_version]=2.0");
        Assert.Empty(Taxii.Ids(none));
        var manifest = await Taxii.GetAsync(App, "cn.officer", $"{shared}manifest/?match[type]=intrusion-set");
        Assert.Equal([set["id"]!.ToString()], Taxii.Ids(manifest));
    }

    [Fact]
    public async Task Basic_WithSomeoneElsesName_Is401()
    {
        var client = App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"cn.officer:{App.Directory.Tokens["us.officer"]}")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/taxii2/")).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"us.officer:{App.Directory.Tokens["us.officer"]}")));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/taxii2/")).StatusCode);
    }
}

public sealed class TaxiiEndpointsOnSqlite() : TaxiiEndpointTests(DatabaseKind.Sqlite);

public sealed class TaxiiEndpointsOnPostgres() : TaxiiEndpointTests(DatabaseKind.Postgres);
