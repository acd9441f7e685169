using System.Net;
using Microsoft.EntityFrameworkCore;
using Parley.Tests.Infrastructure;
using Parley.Tests.Requests;

namespace Parley.Tests.Web;

/// The user's language wins over the header switch's cookie and the browser's language; the time zone changes every time shown.
public abstract class SettingsPageTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task ChosenLanguage_WinsOverTheBrowsers_AndFollowsTheUserToANewSession()
    {
        var client = await PageClient.SignInAsync(App, "cn.officer", "en-US");
        var settings = await client.GetAsync("/settings");
        Assert.Equal("Settings", settings.Text("h1"));
        var saved = await client.SubmitAsync(settings, "[data-action=save-settings]", new Dictionary<string, string> { ["Language"] = "zh-Hans" });
        Assert.Equal("设置", saved.Text("h1"));
        Assert.Equal("您的设置已保存。", saved.Text("[data-testid=saved]"));
        Assert.Equal("zh-Hans", await App.WithDbAsync(db => db.Users.Where(u => u.UserName == "cn.officer").Select(u => u.Language).SingleAsync()));

        var elsewhere = await PageClient.SignInAsync(App, "cn.officer", "en-US");
        Assert.Equal("收件箱", (await elsewhere.GetAsync("/requests")).Text("h1"));
        // The API keeps speaking English whatever the setting.
        Assert.Equal("Inbox", (await (await PageClient.SignInAsync(App, "cn.supervisor", "en-US")).GetAsync("/requests")).Text("h1"));
    }

    [Fact]
    public async Task TheHeaderSwitch_ChangesTheSetting_OfASignedInUser()
    {
        var client = await PageClient.SignInAsync(App, "us.officer", "en-US");
        var page = await client.GetAsync("/requests");
        var switched = await client.SubmitAsync(page, "header form[action='/language'] button", new Dictionary<string, string> { ["culture"] = "zh-Hans" });
        Assert.Equal("收件箱", switched.Text("h1"));
        Assert.Equal("zh-Hans", await App.WithDbAsync(db => db.Users.Where(u => u.UserName == "us.officer").Select(u => u.Language).SingleAsync()));
    }

    [Fact]
    public async Task SigningOutFromTheHeader_EndsTheSession()
    {
        var client = await PageClient.SignInAsync(App, "us.officer");
        var signedOut = await client.SubmitAsync(await client.GetAsync("/requests"), "header form[action='/sign-out'] button");
        Assert.Equal(HttpStatusCode.OK, signedOut.Status);
        Assert.NotNull(signedOut.Find("#Password"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/requests")).Status);
    }

    [Fact]
    public async Task TimeZone_ChangesTheTimesShown_AndAnUnknownZoneIsRefusedNextToTheField()
    {
        var client = await PageClient.SignInAsync(App, "us.officer");
        var settings = await client.GetAsync("/settings");
        var refused = await client.SubmitAsync(settings, "[data-action=save-settings]", new Dictionary<string, string> { ["TimeZone"] = "Mars/Olympus" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("not an IANA time zone", refused.Text("#timeZone-error"));
        Assert.Null(await App.WithDbAsync(db => db.Users.Where(u => u.UserName == "us.officer").Select(u => u.TimeZone).SingleAsync()));

        await client.SubmitAsync(settings, "[data-action=save-settings]", new Dictionary<string, string> { ["TimeZone"] = "Europe/Paris" });
        var id = await RequestBodies.SubmitAsync(App);
        var workspace = await client.GetAsync($"/requests/{id}");
        // Due in your time (now Paris), and in the counterpart's (Shanghai) beside it.
        var cells = workspace.All("table.deadlines tbody tr")[0].QuerySelectorAll("td");
        Assert.EndsWith("Paris", cells[1].TextContent.Trim());
        Assert.EndsWith("Shanghai", cells[2].TextContent.Trim());
    }
}

public sealed class SettingsPageOnSqlite() : SettingsPageTests(DatabaseKind.Sqlite);

public sealed class SettingsPageOnPostgres() : SettingsPageTests(DatabaseKind.Postgres);
