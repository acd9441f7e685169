using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Parley.Cli;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Oversight;

/// The report of the hand-built scenario, as JSON, CSV, HTML and from the command line.
public abstract class OversightReportTests(OversightFixture fixture)
{
    private const string Url = $"/api/v1/mechanisms/US-CN/oversight?from={OversightScenario.From}&to={OversightScenario.To}";
    private TestApp App => fixture.App;

    private async Task<JsonNode> JsonReportAsync(string user = "us.overseer")
    {
        var response = await App.As(user).GetAsync(Url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task Json_HandBuiltRequests_EveryFigureAsComputedByHand()
    {
        var report = await JsonReportAsync();
        Assert.Equal("2026-01-05T00:00:00Z", report["period"]!["from"]!.GetValue<string>());
        Assert.Equal("2026-02-01T00:00:00Z", report["period"]!["to"]!.GetValue<string>());
        Assert.Equal("US-CN", report["mechanism"]!["code"]!.GetValue<string>());
        var directions = report["directions"]!.AsArray();
        Assert.Equal(2, directions.Count);
        JsonAssert.Equal(OversightExpected.UsToCn, directions[0]);
        JsonAssert.Equal(OversightExpected.CnToUs, directions[1]);
        JsonAssert.Equal(OversightExpected.Hotline, report["hotline"]);
        JsonAssert.Equal(OversightExpected.Checks, report["communicationChecks"]);
        Assert.Contains(report["definitions"]!.AsArray(), d => d!.GetValue<string>().StartsWith("Percentiles: nearest rank"));
    }

    [Fact]
    public async Task Csv_ParsesAsOneTidyTable_AndMatchesTheJson()
    {
        var json = await JsonReportAsync();
        var response = await App.As("us.overseer").GetAsync(Url.Replace("/oversight?", "/oversight.csv?"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("section,direction,metric,dimension,value", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.All(rows, r => Assert.Equal(5, r.Length));
        string Value(string section, string direction, string metric, string dimension) =>
            Assert.Single(rows, r => r[0] == section && r[1] == direction && r[2] == metric && r[3] == dimension)[4];

        var us = json["directions"]![0]!;
        Assert.Equal("7", Value("requests", "US-CN", "count", "total"));
        Assert.Equal(us["requests"]!["byKind"]!["information"]!.ToString(), Value("requests", "US-CN", "count", "kind=information"));
        Assert.Equal(us["timings"]![0]!["acknowledge"]!["p90"]!.ToString(), Value("timing", "US-CN", "acknowledge.p90-hours", "priority=urgent;clock=calendar"));
        Assert.Equal("2", Value("timing", "US-CN", "acknowledge.median-hours", "priority=high;clock=business"));
        Assert.Equal("", Value("timing", "US-CN", "acknowledge.median-hours", "priority=routine;clock=business"));
        Assert.Equal("0.7143", Value("targets", "US-CN", "share-within-target", "deadline=acknowledge"));
        Assert.Equal("6", Value("missed", "US-CN", "count", "total"));
        Assert.Equal("1.5", Value("escalations", "US-CN", "median-hours-to-acknowledge", "level=1"));
        Assert.Equal("3.833", Value("quality", "CN-US", "average", "overall"));
        Assert.Equal("2", Value("quality", "US-CN", "ratings", "relevance=4"));
        Assert.Equal("1", Value("backlog", "US-CN", "open", "age=over-90-days"));
        Assert.Equal("0.75", Value("hotline", "", "median-hours-to-both-acknowledged", ""));
        Assert.Equal("0.75", Value("communication-checks", "", "share-on-time", "party=CN"));
        // Every number of the JSON directions appears in the CSV: as many figures in one as in the other.
        Assert.Equal(Numbers(json["directions"]!) + Numbers(json["hotline"]!) + Numbers(json["communicationChecks"]!), rows.Count(r => r[0] != "period"));
    }

    /// Numbers and nulls (the leaves that carry figures), less the level numbers that name an escalation level.
    private static int Numbers(JsonNode node) => node switch
    {
        JsonObject o => o.Sum(p => p.Key == "level" ? 0 : p.Value is null ? 1 : Numbers(p.Value)),
        JsonArray a => a.Sum(i => i is null ? 1 : Numbers(i)),
        JsonValue v => v.GetValueKind() == System.Text.Json.JsonValueKind.Number ? 1 : 0,
        _ => 0,
    };

    [Fact]
    public async Task Html_IsOneSelfContainedPage_WithInlineCharts()
    {
        var response = await App.As("cn.overseer").GetAsync(Url.Replace("/oversight?", "/oversight.html?"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        OversightHtmlAssert.SelfContained(html);
        Assert.Contains("Requests US → CN", html);
        Assert.Contains("71.4 %", html);
        Assert.DoesNotContain("No hotline sessions", html);
        Assert.Equal(html, await App.As("cn.overseer").GetStringAsync(Url + "&format=html"));
    }

    [Fact]
    public async Task Cli_Report_WritesTheHtmlFile_AndJsonEqualToTheApi()
    {
        var db = await App.WithDbAsync(d => Task.FromResult(d.Database.GetConnectionString()!));
        var html = Path.Combine(Path.GetTempPath(), $"parley-report-{Guid.NewGuid():N}.html");
        var json = Path.ChangeExtension(html, ".json");
        try
        {
            Assert.Equal(0, await ParleyCli.RunAsync(["report", "--mechanism", "US-CN", "--from", OversightScenario.From, "--to", OversightScenario.To, "--out", html, "--db", db]));
            OversightHtmlAssert.SelfContained(await File.ReadAllTextAsync(html));
            Assert.Equal(0, await ParleyCli.RunAsync(["report", "--mechanism", "US-CN", "--from", OversightScenario.From, "--to", OversightScenario.To, "--out", json, "--db", db]));
            var report = JsonNode.Parse(await File.ReadAllTextAsync(json))!;
            JsonAssert.Equal(OversightExpected.UsToCn, report["directions"]![0]);
            JsonAssert.Equal(OversightExpected.Checks, report["communicationChecks"]);
        }
        finally
        {
            File.Delete(html);
            File.Delete(json);
        }
    }
}

public sealed class OversightReportOnSqlite(SqliteOversightFixture fixture) : OversightReportTests(fixture), IClassFixture<SqliteOversightFixture>;

public sealed class OversightReportOnPostgres(PostgresOversightFixture fixture) : OversightReportTests(fixture), IClassFixture<PostgresOversightFixture>;
