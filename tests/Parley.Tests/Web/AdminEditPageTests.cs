using System.Net;
using Microsoft.EntityFrameworkCore;
using Parley.Directory;
using Parley.Identity;
using Parley.Tests.Identity;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Web;

/// From the administration pages an administrator changes and removes what they keep: accounts, tokens,
/// their party's calendar, agencies and points of contact; never another party's.
public abstract class AdminEditPageTests(DatabaseKind kind) : AppTest(kind)
{
    private const string Officer2 = "form[data-edit-user='us.officer2'] [data-action=save-user]";

    [Fact]
    public async Task Administrator_ChangesAUsersRolesAndAgency_ThenDisablesAndEnablesTheAccount()
    {
        var admin = await PageClient.SignInAsync(App, "us.admin");
        var page = await admin.GetAsync("/admin/users");
        var saved = await admin.SubmitAsync(page, Officer2, new Dictionary<string, string> { ["EditAgency"] = "US/DHS", ["EditRoles"] = "officer, supervisor" });
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal("The account us.officer2 is saved.", saved.Text("[data-testid=saved]"));
        var row = saved.Text("tr[data-user='us.officer2']");
        Assert.Contains("US/DHS", row);
        Assert.Contains("officer, supervisor", row);
        Assert.Equal((Roles.Officer | Roles.Supervisor, App.Directory.Agencies["DHS"]),
            await App.WithDbAsync(async db => await db.Users.Where(u => u.UserName == "us.officer2").Select(u => new { u.Roles, u.AgencyId }).SingleAsync() is var u ? (u.Roles, u.AgencyId) : default));

        var disabled = await admin.SubmitAsync(saved, Officer2, new Dictionary<string, string> { ["EditStatus"] = "disabled" });
        Assert.Equal("Disabled", disabled.Text("tr[data-user='us.officer2'] [data-testid=status]"));
        var signIn = await App.Anonymous().PostJsonAsync("/api/v1/session", new { userName = "us.officer2", password = TestDirectory.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);

        var enabled = await admin.SubmitAsync(disabled, Officer2, new Dictionary<string, string> { ["EditStatus"] = "active" });
        Assert.Equal("Active", enabled.Text("tr[data-user='us.officer2'] [data-testid=status]"));
        // The password is accepted again; a supervisor goes on to the second factor.
        Assert.Equal(HttpStatusCode.Accepted, (await App.Anonymous().PostJsonAsync("/api/v1/session", new { userName = "us.officer2", password = TestDirectory.Password })).StatusCode);
    }

    [Fact]
    public async Task Administrator_CannotLockThemselfOut_TheRefusalShowsNextToTheField()
    {
        var admin = await PageClient.SignInAsync(App, "us.admin");
        var page = await admin.GetAsync("/admin/users");
        const string self = "form[data-edit-user='us.admin'] [data-action=save-user]";
        var disable = await admin.SubmitAsync(page, self, new Dictionary<string, string> { ["EditStatus"] = "disabled" });
        Assert.Equal(HttpStatusCode.BadRequest, disable.Status);
        Assert.Contains("cannot disable your own account", disable.Text("[id='edit-us.admin-disabled-error']"));
        Assert.Equal("true", disable.Find("[id='edit-us.admin-disabled']")!.GetAttribute("aria-invalid"));

        var demote = await admin.SubmitAsync(page, self, new Dictionary<string, string> { ["EditRoles"] = "supervisor" });
        Assert.Equal(HttpStatusCode.BadRequest, demote.Status);
        Assert.Contains("administrator role", demote.Text("[id='edit-us.admin-roles-error']"));
        Assert.Equal((Roles.Administrator, (DateTime?)null),
            await App.WithDbAsync(async db => await db.Users.Where(u => u.UserName == "us.admin").Select(u => new { u.Roles, u.DisabledAt }).SingleAsync() is var u ? (u.Roles, u.DisabledAt) : default));
    }

    [Fact]
    public async Task Administrator_RevokesAToken_WhichStopsWorkingAtOnce()
    {
        var admin = await PageClient.SignInAsync(App, "us.admin");
        var prefix = await App.WithDbAsync(db => db.ApiTokens.Where(t => t.User!.UserName == "us.officer2").Select(t => t.Prefix).SingleAsync());
        var page = await admin.GetAsync("/admin/tokens");
        Assert.Contains("Valid", page.Text($"tr[data-token='{prefix}']"));
        Assert.Equal(HttpStatusCode.OK, (await App.As("us.officer2").GetAsync("/api/v1/requests")).StatusCode);

        var revoked = await admin.SubmitAsync(page, $"tr[data-token='{prefix}'] [data-action=revoke-token]");
        Assert.Equal(HttpStatusCode.OK, revoked.Status);
        Assert.Equal($"The token {prefix}… is revoked.", revoked.Text("[data-testid=saved]"));
        Assert.Contains("Revoked", revoked.Text($"tr[data-token='{prefix}']"));
        Assert.Null(revoked.Find($"tr[data-token='{prefix}'] [data-action=revoke-token]"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.As("us.officer2").GetAsync("/api/v1/requests")).StatusCode);
    }

    [Fact]
    public async Task Administrator_EditsTheirPartysCalendar_AndABadTimeZoneIsRefusedNextToTheField()
    {
        var admin = await PageClient.SignInAsync(App, "us.admin");
        var page = await admin.GetAsync("/admin/directory");
        Assert.Equal("America/New_York", page.Find("#party-timeZone")!.GetAttribute("value"));
        Assert.Contains("2026-07-03 Independence Day (observed)", page.Find("#party-holidays")!.TextContent);

        var refused = await admin.SubmitAsync(page, "[data-action=save-party]", new Dictionary<string, string> { ["PartyTimeZone"] = "America/Atlantis", ["PartyHolidays"] = "July 4th" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Line 1", refused.Text("#party-holidays-error"));
        var zone = await admin.SubmitAsync(page, "[data-action=save-party]", new Dictionary<string, string> { ["PartyTimeZone"] = "America/Atlantis" });
        Assert.Contains("not an IANA time zone", zone.Text("#party-timeZone-error"));
        Assert.Equal("America/Atlantis", zone.Find("#party-timeZone")!.GetAttribute("value"));

        var saved = await admin.SubmitAsync(page, "[data-action=save-party]", new Dictionary<string, string>
        {
            ["PartyTimeZone"] = "America/Chicago", ["PartyWeek"] = "Monday, Tuesday, Wednesday, Thursday", ["PartyStart"] = "08:00", ["PartyEnd"] = "18:00",
            ["PartyHolidays"] = "2026-07-03 Independence Day (observed)\n2026-11-26 Thanksgiving", ["PartyWorkingDays"] = "2026-11-28 Make-up day",
        });
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal("The changes are saved.", saved.Text("[data-testid=saved]"));
        var party = await App.WithDbAsync(db => db.Parties.AsNoTracking().Include(p => p.CalendarDays).SingleAsync(p => p.Code == "US"));
        Assert.Equal(("America/Chicago", WorkingWeek.Monday | WorkingWeek.Tuesday | WorkingWeek.Wednesday | WorkingWeek.Thursday, new TimeOnly(8, 0), new TimeOnly(18, 0)),
            (party.TimeZone, party.WorkingWeek, party.WorkdayStart, party.WorkdayEnd));
        Assert.Equal(["Independence Day (observed) Holiday", "Thanksgiving Holiday", "Make-up day WorkingDay"],
            party.CalendarDays.OrderBy(d => d.Date).Select(d => $"{d.Name} {d.Kind}"));
        Assert.Contains("08:00 – 18:00", saved.Text("tr[data-party='US']"));
    }

    [Fact]
    public async Task Administrator_RenamesAnAgency_EditsAndRemovesPointsOfContact()
    {
        var admin = await PageClient.SignInAsync(App, "us.admin");
        var page = await admin.GetAsync("/admin/directory");
        Assert.Null(page.Find("[data-edit-agency='MPS']"));

        var taken = await admin.SubmitAsync(page, "[data-edit-agency='DHS'] [data-action=save-agency]", new Dictionary<string, string> { ["AgencyCode"] = "FBI" });
        Assert.Equal(HttpStatusCode.BadRequest, taken.Status);
        var dhs = App.Directory.Agencies["DHS"].ToString("N");
        Assert.Contains("already has an agency", taken.Text($"#agency-{dhs}-code-error"));
        var renamed = await admin.SubmitAsync(page, "[data-edit-agency='DHS'] [data-action=save-agency]", new Dictionary<string, string> { ["AgencyName"] = "Homeland Security" });
        Assert.Contains("Homeland Security", renamed.Text("tr[data-agency='US/DHS']"));

        var contact = App.Directory.Contacts["FBI desk"].ToString("N");
        var bad = await admin.SubmitAsync(renamed, "[data-edit-contact='FBI desk'] [data-action=save-contact]", new Dictionary<string, string> { ["ContactEmail"] = "not an address" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.NotEmpty(bad.Text($"#contact-{contact}-email-error"));
        var edited = await admin.SubmitAsync(renamed, "[data-edit-contact='FBI desk'] [data-action=save-contact]", new Dictionary<string, string> { ["ContactName"] = "FBI watch floor", ["ContactAvailability"] = "AlwaysOn" });
        Assert.Equal("The changes are saved.", edited.Text("[data-testid=saved]"));
        Assert.Contains("FBI watch floor · Always on", edited.Text("tr[data-agency='US/FBI']"));

        var removed = await admin.SubmitAsync(edited, "[data-edit-contact='DHS desk'] [data-action=remove-contact]");
        Assert.Equal("The point of contact is removed.", removed.Text("[data-testid=saved]"));
        Assert.DoesNotContain("DHS desk", removed.Text("tr[data-agency='US/DHS']"));
        Assert.False(await App.WithDbAsync(db => db.PointsOfContact.AnyAsync(c => c.Id == App.Directory.Contacts["DHS desk"])));
    }

    [Fact]
    public async Task AnotherPartysAdministrator_SeesOnlyTheirOwn_AndForgedPostsAreNotFound()
    {
        await AdminKit.AddAdministratorAsync(App, "gb.admin", "NCA");
        var gb = await PageClient.SignInAsync(App, "gb.admin");
        var users = await gb.GetAsync("/admin/users");
        Assert.NotNull(users.Find("tr[data-user='gb.officer']"));
        Assert.Null(users.Find("tr[data-user='us.officer2']"));
        Assert.DoesNotContain(users.All("#agency option"), o => o.GetAttribute("value")!.StartsWith("US/"));
        var tokens = await gb.GetAsync("/admin/tokens");
        Assert.DoesNotContain(tokens.All("table[data-testid=tokens] tbody tr"), r => r.TextContent.Contains("us."));
        Assert.NotNull((await gb.GetAsync("/admin/ladder")).Find("[data-testid=no-mechanism]"));
        Assert.Null((await gb.GetAsync("/admin/policies")).Find("form[data-policy='US-CN-Urgent']"));
        Assert.Null((await gb.GetAsync("/admin/directory")).Find("[data-edit-agency='FBI']"));

        var usToken = await App.WithDbAsync(db => db.ApiTokens.Where(t => t.User!.UserName == "us.officer2").Select(t => t.Id).SingleAsync());
        var forged = new (string Path, Dictionary<string, string> Fields)[]
        {
            ("/admin/users?handler=Edit", new() { ["EditUser"] = App.Directory.Users["us.officer2"].ToString(), ["EditStatus"] = "disabled", ["EditRoles"] = "officer" }),
            ("/admin/tokens?handler=Revoke", new() { ["TokenId"] = usToken.ToString() }),
            ("/admin/policies", new() { ["Mechanism"] = "US-CN", ["Priority"] = "Urgent", ["Clock"] = "Business", ["AcknowledgeHours"] = "1", ["FirstAnswerHours"] = "2", ["FinalAnswerHours"] = "3" }),
            ("/admin/ladder", new() { ["Mechanism"] = "US-CN", ["Levels[0].Name"] = "Only", ["Levels[0].Notify"] = "officer", ["Levels[0].Hours"] = "1" }),
            ("/admin/directory?handler=ContactRemove", new() { ["ContactAgency"] = App.Directory.Agencies["FBI"].ToString(), ["ContactId"] = App.Directory.Contacts["FBI desk"].ToString() }),
            ("/admin/directory?handler=AgencyEdit", new() { ["AgencyId"] = App.Directory.Agencies["FBI"].ToString(), ["AgencyCode"] = "FBI", ["AgencyName"] = "Planted" }),
        };
        var before = await StateAsync();
        foreach (var (path, fields) in forged)
            Assert.True((await gb.ForgeAsync(users, path, fields)).Status == HttpStatusCode.NotFound, path);
        Assert.Equal(before, await StateAsync());
        Assert.Equal(HttpStatusCode.OK, (await App.As("us.officer2").GetAsync("/api/v1/requests")).StatusCode);
    }

    private Task<string> StateAsync() => App.WithDbAsync(async db => string.Join(",",
        await db.Users.CountAsync(u => u.DisabledAt != null), await db.ApiTokens.CountAsync(t => t.RevokedAt != null), await db.PointsOfContact.CountAsync(),
        await db.Agencies.CountAsync(a => a.Name == "Planted"),
        string.Join(";", (await db.Set<TimelinePolicy>().AsNoTracking().ToListAsync()).OrderBy(p => p.Priority).Select(p => $"{p.Clock} {p.AcknowledgeWithin}")),
        string.Join(";", await db.EscalationLevels.OrderBy(l => l.Level).Select(l => l.Name).ToListAsync())));
}

public sealed class AdminEditPageOnSqlite() : AdminEditPageTests(DatabaseKind.Sqlite);

public sealed class AdminEditPageOnPostgres() : AdminEditPageTests(DatabaseKind.Postgres);
