using System.Net;
using System.Text.Json;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Incidents;

/// Trend counts and the effect over a small register built by hand, so each number can be checked on paper.
public abstract class IncidentAnalysisTests(DatabaseKind kind) : AppTest(kind)
{
    /// I1 2015-01-10 CN→US energy, commercial espionage, APT1, high confidence
    /// I2 2015-01 (month) CN→US+GB, energy+government, government espionage, APT10 (= menuPass), low
    /// I3 2015-05-20 RU→US government, influence, Fancy Bear (= APT28)
    /// I4 2015 (year) CN→JP technology, commercial espionage, no intrusion set
    /// I5 2016-02-03 no sponsor →US healthcare, ransomware
    private async Task SeedAsync()
    {
        foreach (var body in new object[]
                 {
                     new { title = "I1", firstSeen = "2015-01-10", sponsors = new[] { "CN" }, victimCountries = new[] { "US" }, sectors = new[] { "energy" }, categories = new[] { "commercial-espionage" }, intrusionSets = new[] { "APT1" }, confidence = "high" },
                     new { title = "I2", firstSeen = "2015-01", sponsors = new[] { "China" }, victimCountries = new[] { "US", "GB" }, sectors = new[] { "energy", "government" }, categories = new[] { "government-espionage" }, intrusionSets = new[] { "APT10" }, confidence = "low" },
                     new { title = "I3", firstSeen = "2015-05-20", sponsors = new[] { "Russia" }, victimCountries = new[] { "US" }, sectors = new[] { "government" }, categories = new[] { "influence" }, intrusionSets = new[] { "Fancy Bear" } },
                     new { title = "I4", firstSeen = "2015", sponsors = new[] { "CN" }, victimCountries = new[] { "Japan" }, sectors = new[] { "technology" }, categories = new[] { "commercial-espionage" } },
                     new { title = "I5", firstSeen = "2016-02-03", victimCountries = new[] { "US" }, sectors = new[] { "healthcare" }, categories = new[] { "ransomware" } },
                 })
            Assert.Equal(HttpStatusCode.Created, (await App.As("us.analyst").PostJsonAsync("/api/v1/incidents", body)).StatusCode);
    }

    private async Task<JsonElement> TrendAsync(string query)
    {
        var response = await App.As("us.overseer").GetAsync($"/api/v1/incidents/trend?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync();
    }

    /// Each series as "key: period=count …" for the non-zero periods.
    private static List<string> Series(JsonElement trend)
    {
        var periods = trend.GetProperty("periods").EnumerateArray().Select(p => p.GetString()!).ToList();
        return trend.GetProperty("series").EnumerateArray().Select(s =>
            s.Str("key") + ":" + string.Concat(s.GetProperty("counts").EnumerateArray().Select((c, i) => (c.GetInt32(), i))
                .Where(x => x.Item1 > 0).Select(x => $" {periods[x.i]}={x.Item1}"))).ToList();
    }

    [Fact]
    public async Task Trend_EveryGrouping_CountsTheHandBuiltSet()
    {
        await SeedAsync();
        var bySponsor = await TrendAsync("interval=month&groupBy=sponsor");
        Assert.Equal(14, bySponsor.GetProperty("periods").GetArrayLength()); // 2015-01 … 2016-02
        Assert.Equal(["CN: 2015-01=2", "RU: 2015-05=1", ": 2016-02=1"], Series(bySponsor));
        Assert.Equal((5, 1), (bySponsor.GetProperty("incidents").GetInt32(), bySponsor.GetProperty("notPlaced").GetInt32()));

        Assert.Equal(["US: 2015-01=2 2015-05=1 2016-02=1", "GB: 2015-01=1"], Series(await TrendAsync("interval=month&groupBy=victim")));
        Assert.Equal(["energy: 2015-Q1=2", "government: 2015-Q1=1 2015-Q2=1", "healthcare: 2016-Q1=1"],
            Series(await TrendAsync("interval=quarter&groupBy=sector")));
        Assert.Equal(["commercial-espionage: 2015=2", "government-espionage: 2015=1", "influence: 2015=1", "ransomware: 2016=1"],
            Series(await TrendAsync("interval=year&groupBy=category")));
        Assert.Equal(["APT1: 2015=1", "APT28: 2015=1", "menuPass: 2015=1", ": 2015=1 2016=1"],
            Series(await TrendAsync("interval=year&groupBy=intrusion-set")));
        Assert.Equal([": 2015=4 2016=1"], Series(await TrendAsync("interval=year")));
    }

    [Fact]
    public async Task Trend_Filters_SponsorVictimCategoryDatesAndConfidence()
    {
        await SeedAsync();
        var cn = await TrendAsync("sponsor=China&victim=US");
        Assert.Equal([": 2015-01=2"], Series(cn));
        Assert.Equal([": 2015=1"], Series(await TrendAsync("interval=year&sponsor=CN&category=commercial-espionage&victim=JP")));
        Assert.Equal([": 2015-01=1"], Series(await TrendAsync("sponsor=CN&minConfidence=medium")));
        Assert.Equal([": 2015-05=1 2016-02=1"], Series(await TrendAsync("victim=US&from=2015-02&to=2016-12")));
        Assert.Equal([": 2015=1"], Series(await TrendAsync("interval=year&intrusionSet=stone panda")));

        var bad = await App.As("us.overseer").GetAsync("/api/v1/incidents/trend?interval=week&groupBy=colour&sponsor=Atlantis&from=soon");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["from", "groupBy", "interval", "sponsor"], (await bad.ReadAsync()).ErrorFields().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Effect_CountsEachSide_LeavesStraddlingDatesOut_AndMatchesTheReference()
    {
        // Split 2015-09-25, three months each side: before 2015-06-25 … 2015-09-24, after 2015-09-25 … 2015-12-24.
        foreach (var (title, date) in new[]
                 {
                     ("b1", "2015-06-25"), ("b2", "2015-07-04"), ("b3", "2015-08-15"), ("b4", "2015-09-24"),
                     ("a1", "2015-10-02"), ("straddles", "2015-09"), ("outside", "2015-12-25"), ("too early", "2015-06-24"),
                 })
            await App.As("us.analyst").PostJsonAsync("/api/v1/incidents", new { title, firstSeen = date, sponsors = new[] { "CN" }, victimCountries = new[] { "US" } });
        await App.As("us.analyst").PostJsonAsync("/api/v1/incidents", new { title = "other sponsor", firstSeen = "2015-07-01", sponsors = new[] { "RU" } });

        var response = await App.As("us.overseer").GetAsync("/api/v1/incidents/effect?split=2015-09-25&months=3&sponsor=CN&victim=US&mechanism=US-CN");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var e = await response.ReadAsync();
        Assert.Equal((4, 1, 1), (e.GetProperty("before").GetInt32(), e.GetProperty("after").GetInt32(), e.GetProperty("imprecise").GetInt32()));
        Assert.Equal("2015-06-25", e.Str("beforeFrom"));
        Assert.Equal(0.25, e.GetProperty("rateRatio").GetDouble(), 1e-12);
        // Clopper–Pearson for 1 of 5 (bisection on the exact binomial CDF), as RR = π/(1−π); p = binom.test(1, 5)'s 0.375.
        Assert.Equal(0.005076403090295936, e.GetProperty("lower").GetDouble(), 1e-8);
        Assert.Equal(2.526316108681758, e.GetProperty("upper").GetDouble(), 1e-8);
        Assert.Equal(0.375, e.GetProperty("pValue").GetDouble(), 1e-9);
        Assert.Equal("After 2015-09-25, the monthly rate of CN-sponsored incidents against US victims fell from 1.3 to 0.3 " +
                     "(4 in the 3 months before, 1 in the 3 after); rate ratio 0.25, 95% CI 0.01–2.53, p = 0.375; not significant at the 5% level.", e.Str("sentence"));
        Assert.Equal(["2015-06=2", "2015-07=1", "2015-08=1", "2015-09=2", "2015-10=1", "2015-11=0", "2015-12=1"],
            e.GetProperty("perMonth").EnumerateArray().Select(m => $"{m.Str("month")}={m.GetProperty("count").GetInt32()}"));

        var svg = await App.As("us.overseer").GetAsync("/api/v1/incidents/effect/chart.svg?months=3&sponsor=CN&victim=US&mechanism=US-CN");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await svg.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Effect_BadQuery_NamesTheFields()
    {
        var response = await App.As("us.overseer").GetAsync("/api/v1/incidents/effect?split=2015-09&months=0&mechanism=XX");
        Assert.Equal(["mechanism", "months", "split"], (await response.ReadAsync()).ErrorFields().Order(StringComparer.Ordinal));
        var empty = await App.As("us.overseer").GetAsync("/api/v1/incidents/effect?split=2015-09-25");
        Assert.Equal(["months"], (await empty.ReadAsync()).ErrorFields());
    }

    [Fact]
    public async Task Page_ShowsTheTrendTableTheSentenceAndTheCharts_WithoutScriptOrOutsideFiles()
    {
        await SeedAsync();
        var response = await App.As("us.analyst").GetAsync("/incidents?sponsor=CN&interval=quarter&split=2015-03-01&months=6");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<table>", html);
        Assert.Contains("After 2015-03-01, the monthly rate of CN-sponsored incidents", html);
        Assert.Equal(2, html.Split("src=\"data:image/svg").Length - 1);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("src=\"http", html);
    }
}

public sealed class IncidentAnalysisOnSqlite() : IncidentAnalysisTests(DatabaseKind.Sqlite);

public sealed class IncidentAnalysisOnPostgres() : IncidentAnalysisTests(DatabaseKind.Postgres);
