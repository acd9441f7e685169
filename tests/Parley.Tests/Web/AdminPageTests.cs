using System.Net;
using Microsoft.EntityFrameworkCore;
using Parley.Tests.Identity;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Web;

/// An administrator keeps the directory and the user accounts from the pages; nobody else opens or posts to them.
public abstract class AdminPageTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task Administrator_AddsAnAgencyAndAPointOfContact_AndAnInvalidOneIsRefusedNextToTheField()
    {
        var admin = await PageClient.SignInAsync(App, "us.admin");
        Assert.Equal("/admin", (await admin.GetAsync("/")).Response.Headers.Location!.OriginalString);
        var overview = await admin.GetAsync("/admin");
        Assert.NotNull(overview.Find("header nav a[href='/admin']"));
        Assert.NotNull(overview.Find("a[href='/admin/directory']"));
        Assert.NotNull(overview.Find("a[href='/admin/users']"));

        var directory = await admin.GetAsync("/admin/directory");
        var refused = await admin.SubmitAsync(directory, "[data-action=add-agency]", new Dictionary<string, string> { ["AgencyParty"] = "US", ["AgencyCode"] = "FBI", ["AgencyName"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("already has an agency", refused.Text("#agency-code-error"));
        Assert.NotEmpty(refused.Text("#agency-name-error"));
        Assert.Equal("true", refused.Find("#agency-name")!.GetAttribute("aria-invalid"));

        var added = await admin.SubmitAsync(directory, "[data-action=add-agency]", new Dictionary<string, string> { ["AgencyParty"] = "GB", ["AgencyCode"] = "NCSC", ["AgencyName"] = "National Cyber Security Centre" });
        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.Equal("The agency is added.", added.Text("[data-testid=saved]"));
        Assert.Contains("National Cyber Security Centre", added.Text("tr[data-agency='GB/NCSC']"));

        var agency = await App.WithDbAsync(db => db.Agencies.Where(a => a.Code == "NCSC").Select(a => a.Id).SingleAsync());
        var badContact = await admin.SubmitAsync(added, "[data-action=add-contact]", new Dictionary<string, string> { ["ContactAgency"] = agency.ToString(), ["ContactName"] = "Duty desk", ["ContactEmail"] = "not an address" });
        Assert.Equal(HttpStatusCode.BadRequest, badContact.Status);
        Assert.NotEmpty(badContact.Text("#contact-email-error"));
        Assert.Equal(0, await App.WithDbAsync(db => db.PointsOfContact.CountAsync(c => c.AgencyId == agency)));

        var contact = await admin.SubmitAsync(added, "[data-action=add-contact]", new Dictionary<string, string>
        {
            ["ContactAgency"] = agency.ToString(), ["ContactName"] = "Duty desk", ["ContactEmail"] = "duty@ncsc.example", ["ContactAvailability"] = "AlwaysOn",
        });
        Assert.Equal("The point of contact is added.", contact.Text("[data-testid=saved]"));
        Assert.Contains("Duty desk · Always on · duty@ncsc.example", contact.Text("tr[data-agency='GB/NCSC']"));
    }

    [Fact]
    public async Task Administrator_AddsAUser_WhoseGeneratedPasswordIsShownOnce_AndSignsIn()
    {
        var admin = await PageClient.SignInAsync(App, "us.admin");
        var users = await admin.GetAsync("/admin/users");
        Assert.NotNull(users.Find("tr[data-user='cn.hotline']"));

        var taken = await admin.SubmitAsync(users, "[data-action=add-user]", new Dictionary<string, string> { ["UserName"] = "us.officer", ["DisplayName"] = "Again", ["Agency"] = "US/FBI", ["Roles"] = "officer" });
        Assert.Equal(HttpStatusCode.BadRequest, taken.Status);
        Assert.Contains("is taken", taken.Text("#userName-error"));

        var created = await admin.SubmitAsync(users, "[data-action=add-user]", new Dictionary<string, string> { ["UserName"] = "gb.analyst", ["DisplayName"] = "GB analyst", ["Agency"] = "GB/NCA", ["Roles"] = "analyst" });
        Assert.Equal(HttpStatusCode.OK, created.Status);
        var password = created.Text("[data-testid=generated-password]");
        Assert.Contains("GB/NCA", created.Text("tr[data-user='gb.analyst']"));
        Assert.Null((await admin.GetAsync("/admin/users")).Find("[data-testid=generated-password]"));

        var http = App.Anonymous();
        var session = await http.PostJsonAsync("/api/v1/session", new { userName = "gb.analyst", password });
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
    }

    [Theory]
    [InlineData("us.overseer")]
    [InlineData("cn.supervisor")]
    [InlineData("gb.officer")]
    public async Task NonAdministrators_Get403_OnEveryAdminPageAndPost_AndNothingChanges(string user)
    {
        var client = await PageClient.SignInAsync(App, user);
        foreach (var path in new[] { "/admin", "/admin/directory", "/admin/users" })
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).Status);
        Assert.Null((await client.GetAsync("/settings")).Find("header nav a[href='/admin']"));

        var settings = await client.GetAsync("/settings");
        var agency = await App.WithDbAsync(db => db.Agencies.Select(a => a.Id).FirstAsync());
        var posts = new (string Path, Dictionary<string, string> Fields)[]
        {
            ("/admin/directory?handler=Agency", new() { ["AgencyParty"] = "GB", ["AgencyCode"] = "X", ["AgencyName"] = "X" }),
            ("/admin/directory?handler=Contact", new() { ["ContactAgency"] = agency.ToString(), ["ContactName"] = "X" }),
            ("/admin/users", new() { ["UserName"] = "intruder", ["DisplayName"] = "X", ["Agency"] = "US/FBI", ["Roles"] = "administrator", ["Password"] = "long enough password" }),
        };
        var before = await CountsAsync();
        foreach (var (path, fields) in posts)
            Assert.Equal(HttpStatusCode.Forbidden, (await client.ForgeAsync(settings, path, fields)).Status);
        Assert.Equal(before, await CountsAsync());
    }

    private Task<(int Agencies, int Contacts, int Users)> CountsAsync() =>
        App.WithDbAsync(async db => (await db.Agencies.CountAsync(), await db.PointsOfContact.CountAsync(), await db.Users.CountAsync()));
}

public sealed class AdminPageOnSqlite() : AdminPageTests(DatabaseKind.Sqlite);

public sealed class AdminPageOnPostgres() : AdminPageTests(DatabaseKind.Postgres);
