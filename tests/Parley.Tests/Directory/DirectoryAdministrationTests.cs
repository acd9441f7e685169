using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Directory;
using Parley.Tests.Hotline;
using Parley.Tests.Identity;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Directory;

/// An administrator edits their own party's calendar, agencies and points of contact, and the settings of
/// the mechanisms their party belongs to; another party's are "not found".
public abstract class DirectoryAdministrationTests(DatabaseKind kind) : AppTest(kind)
{
    private string Agency(string code) => $"/api/v1/directory/agencies/{App.Directory.Agencies[code]}";
    private string Contact(string agency, string name) => $"{Agency(agency)}/contacts/{App.Directory.Contacts[name]}";

    [Fact]
    public async Task OwnParty_CalendarIsReplaced_AndABadTimeZoneOrWeekIsA400NamingTheField()
    {
        var admin = App.As("us.admin");
        var badZone = await admin.PutAsJsonAsync("/api/v1/directory/parties/US", new { code = "US", name = "United States", timeZone = "America/Atlantis", workingWeek = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.BadRequest, badZone.StatusCode);
        Assert.Equal(["timeZone", "workingWeek"], (await badZone.ReadAsync()).ErrorFields().Order());
        Assert.Equal("America/New_York", await App.WithDbAsync(db => db.Parties.Where(p => p.Code == "US").Select(p => p.TimeZone).SingleAsync()));

        var saved = await admin.PutAsJsonAsync("/api/v1/directory/parties/us", new
        {
            code = "US", name = "United States", timeZone = "America/Chicago", workingWeek = new[] { "Monday", "Tuesday", "Wednesday", "Thursday" },
            workdayStart = "08:00", workdayEnd = "16:00",
            calendarDays = new[] { new { date = "2026-07-03", kind = "holiday", name = "Independence Day (observed)" }, new { date = "2026-11-26", kind = "holiday", name = "Thanksgiving" } },
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var party = (await (await App.As("cn.officer").GetAsync("/api/v1/directory/parties")).ReadAsync()).EnumerateArray().Single(p => p.Str("code") == "US");
        Assert.Equal("America/Chicago", party.Str("timeZone"));
        Assert.Equal(["monday", "tuesday", "wednesday", "thursday"], party.GetProperty("workingWeek").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["Independence Day (observed)", "Thanksgiving"], party.GetProperty("calendarDays").EnumerateArray().Select(d => d.Str("name")));
    }

    [Fact]
    public async Task Agency_IsRenamed_AndATakenCodeIsA400()
    {
        var admin = App.As("us.admin");
        var taken = await admin.PutAsJsonAsync(Agency("DHS"), new { code = "FBI", name = "Homeland Security" });
        Assert.Equal(["code"], (await taken.ReadAsync()).ErrorFields());
        var missingName = await admin.PutAsJsonAsync(Agency("DHS"), new { code = "DHS" });
        Assert.Equal(["name"], (await missingName.ReadAsync()).ErrorFields());

        var renamed = await admin.PutAsJsonAsync(Agency("DHS"), new { code = "CISA", name = "Cybersecurity and Infrastructure Security Agency" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var agencies = (await (await App.As("us.officer").GetAsync("/api/v1/directory/agencies")).ReadAsync()).EnumerateArray();
        Assert.Contains(agencies, a => a.Str("code") == "CISA" && a.Str("name") == "Cybersecurity and Infrastructure Security Agency");
    }

    [Fact]
    public async Task PointOfContact_IsEdited_AndRemoved_UnlessCommunicationChecksNameIt()
    {
        var admin = App.As("us.admin");
        var bad = await admin.PutAsJsonAsync(Contact("FBI", "FBI desk"), new { name = "FBI desk", email = "not an address" });
        Assert.Equal(["email"], (await bad.ReadAsync()).ErrorFields());
        var edited = await admin.PutAsJsonAsync(Contact("FBI", "FBI desk"), new { name = "FBI watch floor", email = "watch@fbi.test", availability = "always-on" });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var stored = await App.WithDbAsync(db => db.PointsOfContact.AsNoTracking().SingleAsync(c => c.Id == App.Directory.Contacts["FBI desk"]));
        Assert.Equal(("FBI watch floor", "watch@fbi.test", ContactAvailability.AlwaysOn), (stored.Name, stored.Email, stored.Availability));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(Contact("DHS", "DHS desk"))).StatusCode);
        Assert.False(await App.WithDbAsync(db => db.PointsOfContact.AnyAsync(c => c.Id == App.Directory.Contacts["DHS desk"])));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync(Contact("DHS", "DHS desk"))).StatusCode);

        // A communication check pings every contact of the mechanism; its results keep naming the contact.
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync(HotlineTestKit.Checks, new { answerWithin = "02:00:00" })).StatusCode);
        var pinged = await App.WithDbAsync(db => db.CommunicationCheckPings.Select(p => p.ContactId).ToListAsync());
        var name = new[] { "FBI desk", "FBI duty" }.First(n => pinged.Contains(App.Directory.Contacts[n]));
        var inUse = await admin.DeleteAsync(Contact("FBI", name));
        Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode);
        Assert.Contains("communication-check results", (await inUse.ReadAsync()).Str("detail"));
        Assert.True(await App.WithDbAsync(db => db.PointsOfContact.AnyAsync(c => c.Id == App.Directory.Contacts[name])));
    }

    [Fact]
    public async Task AnotherPartysAdministrator_GetsA404_OnTheMechanismsSettings_AndOnTheDirectoryOfAnotherParty()
    {
        await AdminKit.AddAdministratorAsync(App, "gb.admin", "NCA");
        var gb = App.As("gb.admin");
        var ladder = new { levels = new[] { new { level = 1, name = "Only", notify = new[] { "officer" }, acknowledgeWithin = "01:00:00" } } };
        var policy = new { priority = "urgent", clock = "calendar", acknowledgeWithin = "00:10:00", firstAnswerWithin = "01:00:00", finalAnswerWithin = "02:00:00" };
        var calls = new (string Seeded, string Missing, Func<string, Task<HttpResponseMessage>> Call)[]
        {
            ("/api/v1/mechanisms/US-CN/escalation-ladder", "/api/v1/mechanisms/XX-YY/escalation-ladder", url => gb.GetAsync(url)),
            ("/api/v1/mechanisms/US-CN/escalation-ladder", "/api/v1/mechanisms/XX-YY/escalation-ladder", url => gb.PutAsJsonAsync(url, ladder)),
            ("/api/v1/directory/mechanisms/US-CN/policies", "/api/v1/directory/mechanisms/XX-YY/policies", url => gb.PutAsJsonAsync(url, policy)),
            ("/api/v1/directory/mechanisms/US-CN/rounds", "/api/v1/directory/mechanisms/XX-YY/rounds", url => gb.PostJsonAsync(url, new { date = "2026-06-01", title = "Planted round" })),
            ("/api/v1/directory/parties/US", "/api/v1/directory/parties/XX", url => gb.PutAsJsonAsync(url, new { code = url[^2..], name = "Planted", timeZone = "Europe/London" })),
            (Agency("FBI"), $"/api/v1/directory/agencies/{Guid.NewGuid()}", url => gb.PutAsJsonAsync(url, new { code = "FBI", name = "Planted" })),
            ($"{Agency("FBI")}/contacts", $"/api/v1/directory/agencies/{Guid.NewGuid()}/contacts", url => gb.PostJsonAsync(url, new { name = "Planted" })),
            (Contact("FBI", "FBI desk"), $"{Agency("FBI")}/contacts/{Guid.NewGuid()}", url => gb.PutAsJsonAsync(url, new { name = "Planted" })),
            (Contact("FBI", "FBI desk"), $"{Agency("FBI")}/contacts/{Guid.NewGuid()}", url => gb.DeleteAsync(url)),
        };
        foreach (var (seeded, missing, call) in calls)
        {
            var a = await call(seeded);
            var b = await call(missing);
            Assert.True(a.StatusCode == HttpStatusCode.NotFound, $"{seeded}: {(int)a.StatusCode}");
            Assert.Equal(await Normalised(b), await Normalised(a));
        }
        var writes = await App.WithDbAsync(async db => (
            await db.EscalationLevels.CountAsync(), await db.DialogueRounds.CountAsync(), await db.Parties.CountAsync(p => p.Name == "Planted"),
            await db.Agencies.CountAsync(a => a.Name == "Planted"), await db.PointsOfContact.CountAsync(c => c.Name == "Planted"),
            await db.Set<TimelinePolicy>().CountAsync(p => p.AcknowledgeWithin == TimeSpan.FromMinutes(10))));
        Assert.Equal((3, 0, 0, 0, 0, 0), writes);

        // The same administrator keeps their own party's directory.
        Assert.Equal(HttpStatusCode.OK, (await gb.PutAsJsonAsync(Agency("NCA"), new { code = "NCA", name = "National Crime Agency" })).StatusCode);
    }

    private static async Task<string> Normalised(HttpResponseMessage response) =>
        System.Text.RegularExpressions.Regex.Replace(await response.Content.ReadAsStringAsync(), "\"traceId\":\"[^\"]*\"", "");
}

public sealed class DirectoryAdministrationOnSqlite() : DirectoryAdministrationTests(DatabaseKind.Sqlite);

public sealed class DirectoryAdministrationOnPostgres() : DirectoryAdministrationTests(DatabaseKind.Postgres);
