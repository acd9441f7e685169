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
