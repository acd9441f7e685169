using System.Net;
using Microsoft.EntityFrameworkCore;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Web;

/// The incident monitor inside the layout: import by upload (analysts only), the register page by page, filters with their errors.
public abstract class IncidentsPageTests(DatabaseKind kind) : AppTest(kind)
{
    private const string Csv = """
        Title,Date,Sponsor,Victims,Type,Category
        Solar maker intrusion,2014-05-19,China,United States,Espionage,Energy
        Pipeline operator phish,2016-02,China,United States,Espionage,Energy
        No date at all,,China,United States,Espionage,Energy
        """;

    [Fact]
    public async Task Analyst_UploadsACsv_TheSummaryNamesTheRejectedLine_AndTheRegisterListsTheRest()
    {
        var analyst = await PageClient.SignInAsync(App, "us.analyst");
        var page = await analyst.GetAsync("/incidents");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var done = await analyst.UploadAsync(page, "[data-action=import]", "file", "tracker.csv", Csv);
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Contains("3 rows: 2 imported, 0 merged, 1 rejected.", done.Text("[data-testid=import-summary]"));
        Assert.StartsWith("line 4", done.Text("[data-testid=rejections] li"));
        Assert.Equal(2, done.All("[data-testid=incidents] tbody tr").Count);
        Assert.Equal(2, await App.WithDbAsync(db => db.Incidents.CountAsync()));
    }

    [Fact]
    public async Task Overseer_ReadsTheMonitor_WithoutTheImportForm_AndAForgedUploadIsRefused()
    {
        var overseer = await PageClient.SignInAsync(App, "us.overseer");
        var page = await overseer.GetAsync("/incidents");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Find("[data-action=import]"));
        Assert.NotNull(page.Find("header nav a[href='/incidents']"));
        var forged = await overseer.ForgeAsync(await overseer.GetAsync("/settings"), "/incidents?handler=Import", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Forbidden, forged.Status);
    }

    /// The before/after sentence and the charts' titles are in the reader's language; in English the page
    /// says exactly what the API says.
    [Fact]
    public async Task TheEffectSentenceAndChartTitles_AreInTheReadersLanguage()
    {
        foreach (var (title, date) in new[] { ("b1", "2015-07-04"), ("b2", "2015-08-15"), ("a1", "2015-10-02") })
            await App.As("us.analyst").PostJsonAsync("/api/v1/incidents", new { title, firstSeen = date, sponsors = new[] { "CN" }, victimCountries = new[] { "US" } });
        const string query = "split=2015-09-25&months=3&sponsor=CN&victim=US";
        var api = await (await App.As("us.overseer").GetAsync($"/api/v1/incidents/effect?{query}")).ReadAsync();

        var english = await (await PageClient.SignInAsync(App, "us.overseer")).GetAsync($"/incidents?{query}");
        Assert.Equal(api.Str("sentence"), english.Text("[data-testid=sentence]"));

        var chinese = await (await PageClient.SignInAsync(App, "cn.overseer", "zh-CN")).GetAsync($"/incidents?{query}");
        Assert.Equal(HttpStatusCode.OK, chinese.Status);
        var sentence = chinese.Text("[data-testid=sentence]");
        Assert.StartsWith("2015-09-25 之后，针对 US 受害者的CN 支持的事件的月发生率从 0.7 降至 0.3（之前 3 个月共 2 起，之后 3 个月共 1 起）；率比 0.50，95% 置信区间 ", sentence);
        Assert.EndsWith("；在 5% 水平上不显著。", sentence);
        // The charts' words are in their HTML captions (the SVG renderer has no Chinese font).
        Assert.Equal("每月针对 US 受害者的CN 支持的事件", chinese.Text("[data-testid=effect-caption]"));
        Assert.Equal("3 起事件 · 每月事件数", chinese.Text("[data-testid=trend-caption]"));
        Assert.Equal("3 incidents · incidents per month", english.Text("[data-testid=trend-caption]"));
    }

    [Fact]
    public async Task AnUnknownSponsor_IsShownNextToItsField()
    {
        var page = await (await PageClient.SignInAsync(App, "us.analyst")).GetAsync("/incidents?sponsor=Atlantis");
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.NotEmpty(page.Text("#sponsor-error"));
        Assert.Equal("true", page.Find("#sponsor")!.GetAttribute("aria-invalid"));
    }
}

public sealed class IncidentsPageOnSqlite() : IncidentsPageTests(DatabaseKind.Sqlite);

public sealed class IncidentsPageOnPostgres() : IncidentsPageTests(DatabaseKind.Postgres);
