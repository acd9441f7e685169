using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Builder;
using Parley.Directory;
using Parley.Identity;
using Parley.Tests.Identity;
using Parley.Tests.Infrastructure;
using Parley.Tests.Notifications;

namespace Parley.Tests.Web;

/// An administrator keeps the directory and the user accounts from the pages; nobody else opens or posts to them.
public abstract class AdminPageTests(DatabaseKind kind) : AppTest(kind)
{
    protected override void Configure(WebApplicationBuilder builder) => NotificationKit.Configure(builder);

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

        var added = await admin.SubmitAsync(directory, "[data-action=add-agency]", new Dictionary<string, string> { ["AgencyCode"] = "NSA", ["AgencyName"] = "National Security Agency" });
        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.Equal("The agency is added.", added.Text("[data-testid=saved]"));
        Assert.Contains("National Security Agency", added.Text("tr[data-agency='US/NSA']"));
        var foreign = await admin.SubmitAsync(directory, "[data-action=add-agency]", new Dictionary<string, string> { ["AgencyParty"] = "GB", ["AgencyCode"] = "NCSC", ["AgencyName"] = "National Cyber Security Centre" });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.Status);
        Assert.Contains("your own party", foreign.Text("#agency-partyCode-error"));

        var agency = await App.WithDbAsync(db => db.Agencies.Where(a => a.Code == "NSA").Select(a => a.Id).SingleAsync());
        var badContact = await admin.SubmitAsync(added, "[data-action=add-contact]", new Dictionary<string, string> { ["ContactAgency"] = agency.ToString(), ["ContactName"] = "Duty desk", ["ContactEmail"] = "not an address" });
        Assert.Equal(HttpStatusCode.BadRequest, badContact.Status);
        Assert.NotEmpty(badContact.Text("#contact-email-error"));
        Assert.Equal(0, await App.WithDbAsync(db => db.PointsOfContact.CountAsync(c => c.AgencyId == agency)));

        var contact = await admin.SubmitAsync(added, "[data-action=add-contact]", new Dictionary<string, string>
        {
            ["ContactAgency"] = agency.ToString(), ["ContactName"] = "Duty desk", ["ContactEmail"] = "duty@ncsc.example", ["ContactAvailability"] = "AlwaysOn",
        });
        Assert.Equal("The point of contact is added.", contact.Text("[data-testid=saved]"));
        Assert.Contains("Duty desk · Always on · duty@ncsc.example", contact.Text("tr[data-agency='US/NSA']"));
    }

    [Fact]
    public async Task Administrator_AddsAUser_WhoseGeneratedPasswordIsShownOnce_AndSignsIn()
    {
        var admin = await PageClient.SignInAsync(App, "us.admin");
        var users = await admin.GetAsync("/admin/users");
        Assert.NotNull(users.Find("tr[data-user='us.hotline']"));
        Assert.Null(users.Find("tr[data-user='cn.hotline']"));

        var taken = await admin.SubmitAsync(users, "[data-action=add-user]", new Dictionary<string, string> { ["UserName"] = "us.officer", ["DisplayName"] = "Again", ["Agency"] = "US/FBI", ["Roles"] = "officer" });
        Assert.Equal(HttpStatusCode.BadRequest, taken.Status);
        Assert.Contains("is taken", taken.Text("#userName-error"));

        var created = await admin.SubmitAsync(users, "[data-action=add-user]", new Dictionary<string, string> { ["UserName"] = "us.analyst2", ["DisplayName"] = "Second analyst", ["Agency"] = "US/DHS", ["Roles"] = "analyst" });
        Assert.Equal(HttpStatusCode.OK, created.Status);
        var password = created.Text("[data-testid=generated-password]");
        Assert.Contains("US/DHS", created.Text("tr[data-user='us.analyst2']"));
        Assert.Null((await admin.GetAsync("/admin/users")).Find("[data-testid=generated-password]"));

        var http = App.Anonymous();
        var session = await http.PostJsonAsync("/api/v1/session", new { userName = "us.analyst2", password });
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
    }

    [Fact]
    public async Task Administrator_ChangesATimelinePolicy_AndBadSpansAreRefusedNextToTheField()
    {
        var admin = await PageClient.SignInAsync(App, "us.admin");
        var page = await admin.GetAsync("/admin/policies");
        const string save = "form[data-policy='US-CN-Urgent'] [data-action=save-policy]";
        Assert.Equal("4", page.Find("#US-CN-Urgent-acknowledgeWithin")!.GetAttribute("value"));

        var notANumber = await admin.SubmitAsync(page, save, new Dictionary<string, string> { ["AcknowledgeHours"] = "soon" });
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.Status);
        Assert.Contains("number of hours", notANumber.Text("#US-CN-Urgent-acknowledgeWithin-error"));
        Assert.Equal("soon", notANumber.Find("#US-CN-Urgent-acknowledgeWithin")!.GetAttribute("value"));
        var disordered = await admin.SubmitAsync(page, save, new Dictionary<string, string> { ["FirstAnswerHours"] = "10", ["FinalAnswerHours"] = "5" });
        Assert.Equal(HttpStatusCode.BadRequest, disordered.Status);
        Assert.Contains("ordered", disordered.Text("#US-CN-Urgent-finalAnswerWithin-error"));
        Assert.Equal(TestDirectory.UrgentFinal, (await UrgentPolicyAsync()).FinalAnswerWithin);

        var saved = await admin.SubmitAsync(page, save, new Dictionary<string, string> { ["Clock"] = "Business", ["AcknowledgeHours"] = "0.5", ["FirstAnswerHours"] = "8", ["FinalAnswerHours"] = "48" });
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.NotNull(saved.Find("[data-testid=saved]"));
        Assert.Equal("0.5", saved.Find("#US-CN-Urgent-acknowledgeWithin")!.GetAttribute("value"));
        var policy = await UrgentPolicyAsync();
        Assert.Equal((ClockKind.Business, TimeSpan.FromMinutes(30), TimeSpan.FromHours(8), TimeSpan.FromHours(48)),
            (policy.Clock, policy.AcknowledgeWithin, policy.FirstAnswerWithin, policy.FinalAnswerWithin));
    }

    [Fact]
    public async Task Administrator_AddsAndRemovesLadderRungs_AndABadRungIsRefusedNextToIt()
    {
        var admin = await PageClient.SignInAsync(App, "us.admin");
        var page = await admin.GetAsync("/admin/ladder");
        Assert.Equal(4, page.All("table[data-testid=ladder] tbody tr").Count);
        Assert.Equal("Hotline co-chairs", page.Find("[id='levels[2].name']")!.GetAttribute("value"));

        var refused = await admin.SubmitAsync(page, "[data-action=save-ladder]", new Dictionary<string, string> { ["Levels[3].Name"] = "Ministers", ["Levels[3].Notify"] = "supervisor", ["Levels[3].Hours"] = "-1" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("positive", refused.Text("[id='levels[3].acknowledgeWithin-error']"));
        Assert.Equal(3, await App.WithDbAsync(db => db.EscalationLevels.CountAsync()));

        var saved = await admin.SubmitAsync(page, "[data-action=save-ladder]", new Dictionary<string, string>
        {
            ["Levels[0].Name"] = "", ["Levels[3].Name"] = "Ministers", ["Levels[3].Notify"] = "supervisor", ["Levels[3].Hours"] = "24",
        });
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.NotNull(saved.Find("[data-testid=saved]"));
        var ladder = await App.WithDbAsync(db => db.EscalationLevels.OrderBy(l => l.Level).Select(l => new { l.Level, l.Name, l.Notify, l.AcknowledgeWithin }).ToListAsync());
        Assert.Equal(["Agency supervisor", "Hotline co-chairs", "Ministers"], ladder.Select(l => l.Name));
        Assert.Equal((3, Roles.Supervisor, TimeSpan.FromHours(24)), (ladder[2].Level, ladder[2].Notify, ladder[2].AcknowledgeWithin));
    }

    [Fact]
    public async Task Administrator_AddsAWebhook_SeesItsDeliveries_AndDeletesIt()
    {
        var admin = await PageClient.SignInAsync(App, "us.admin");
        var page = await admin.GetAsync("/admin/webhooks");
        var refused = await admin.SubmitAsync(page, "[data-action=add-webhook]", new Dictionary<string, string> { ["Address"] = "ftp://files.test/hook", ["Events"] = "Escalation Raised" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("http or https", refused.Text("#url-error"));
        Assert.Contains("not an event type", refused.Text("#events-error"));
        Assert.Equal(0, await App.WithDbAsync(db => db.Webhooks.CountAsync()));

        var created = await admin.SubmitAsync(page, "[data-action=add-webhook]", new Dictionary<string, string> { ["Address"] = "https://hooks.test/parley", ["Events"] = "escalation.*, communication-check.*" });
        Assert.Equal(HttpStatusCode.OK, created.Status);
        var secret = created.Text("[data-testid=webhook-secret]");
        var hook = await App.WithDbAsync(db => db.Webhooks.SingleAsync());
        Assert.Equal((secret, "escalation.*,communication-check.*"), (hook.Secret, hook.Events));
        Assert.Contains("escalation.*, communication-check.*", created.Text("tr[data-webhook='https://hooks.test/parley']"));

        Assert.Equal(HttpStatusCode.Accepted, (await App.As("us.admin").PostJsonAsync($"/api/v1/webhooks/{hook.Id}/test", null)).StatusCode);
        var withDelivery = await admin.GetAsync("/admin/webhooks");
        Assert.Null(withDelivery.Find("[data-testid=webhook-secret]"));
        var delivery = withDelivery.Text("table[data-testid=deliveries] tbody tr");
        Assert.Contains("https://hooks.test/parley", delivery);
        Assert.Contains("Pending", delivery);

        var deleted = await admin.SubmitAsync(withDelivery, "tr[data-webhook='https://hooks.test/parley'] [data-action=delete-webhook]");
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Empty(deleted.All("table[data-testid=webhooks] tbody tr"));
        Assert.Contains("The webhook was deleted.", deleted.Text("table[data-testid=deliveries] tbody tr"));
        Assert.False(await App.WithDbAsync(db => db.Webhooks.Select(w => w.Active).SingleAsync()));
    }

    [Fact]
    public async Task Administrator_SeesTheirPartysTokens_AndCreatesOne_ShownOnce_ThatAuthenticates()
    {
        var admin = await PageClient.SignInAsync(App, "us.admin");
        var page = await admin.GetAsync("/admin/tokens");
        Assert.Contains("Never", page.Text("table[data-testid=tokens] tbody tr"));
        Assert.Contains(page.All("table[data-testid=tokens] tbody tr"), r => r.TextContent.Contains("us.officer2"));
        Assert.DoesNotContain(page.All("table[data-testid=tokens] tbody tr"), r => r.TextContent.Contains("cn.officer"));
        var before = page.All("table[data-testid=tokens] tbody tr").Count;

        var refused = await admin.SubmitAsync(page, "[data-action=create-token]", new Dictionary<string, string> { ["Name"] = "ci", ["DaysValid"] = "400" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("between 1 and 366", refused.Text("#daysValid-error"));

        var created = await admin.SubmitAsync(page, "[data-action=create-token]", new Dictionary<string, string> { ["Name"] = "ci", ["DaysValid"] = "30" });
        Assert.Equal(HttpStatusCode.OK, created.Status);
        var token = created.Text("[data-testid=token]");
        Assert.Equal(before + 1, created.All("table[data-testid=tokens] tbody tr").Count);
        Assert.Null((await admin.GetAsync("/admin/tokens")).Find("[data-testid=token]"));

        var api = App.Anonymous();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/users")).StatusCode);
    }

    private Task<TimelinePolicy> UrgentPolicyAsync() =>
        App.WithDbAsync(db => db.Set<TimelinePolicy>().AsNoTracking().SingleAsync(p => p.Priority == Priority.Urgent));

    [Theory]
    [InlineData("us.overseer")]
    [InlineData("cn.supervisor")]
    [InlineData("gb.officer")]
    public async Task NonAdministrators_Get403_OnEveryAdminPageAndPost_AndNothingChanges(string user)
    {
        var client = await PageClient.SignInAsync(App, user);
        foreach (var path in new[] { "/admin", "/admin/directory", "/admin/users", "/admin/policies", "/admin/ladder", "/admin/webhooks", "/admin/tokens" })
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).Status);
        Assert.Null((await client.GetAsync("/settings")).Find("header nav a[href='/admin']"));

        var settings = await client.GetAsync("/settings");
        var agency = await App.WithDbAsync(db => db.Agencies.Select(a => a.Id).FirstAsync());
        var posts = new (string Path, Dictionary<string, string> Fields)[]
        {
            ("/admin/directory?handler=Agency", new() { ["AgencyParty"] = "GB", ["AgencyCode"] = "X", ["AgencyName"] = "X" }),
            ("/admin/directory?handler=Contact", new() { ["ContactAgency"] = agency.ToString(), ["ContactName"] = "X" }),
            ("/admin/policies", new() { ["Mechanism"] = "US-CN", ["Priority"] = "Urgent", ["Clock"] = "Business", ["AcknowledgeHours"] = "1", ["FirstAnswerHours"] = "2", ["FinalAnswerHours"] = "3" }),
            ("/admin/ladder", new() { ["Mechanism"] = "US-CN", ["Levels[0].Name"] = "Only", ["Levels[0].Notify"] = "officer", ["Levels[0].Hours"] = "1" }),
            ("/admin/webhooks", new() { ["Address"] = "https://intruder.test/hook" }),
            ("/admin/tokens", new() { ["Name"] = "stolen" }),
            ("/admin/users", new() { ["UserName"] = "intruder", ["DisplayName"] = "X", ["Agency"] = "US/FBI", ["Roles"] = "administrator", ["Password"] = "long enough password" }),
        };
        var before = await CountsAsync();
        foreach (var (path, fields) in posts)
            Assert.Equal(HttpStatusCode.Forbidden, (await client.ForgeAsync(settings, path, fields)).Status);
        Assert.Equal(before, await CountsAsync());
    }

    /// What any admin post would change: the directory, the accounts, the policies and the ladder.
    private Task<string> CountsAsync() => App.WithDbAsync(async db => string.Join(",",
        await db.Agencies.CountAsync(), await db.PointsOfContact.CountAsync(), await db.Users.CountAsync(), await db.Webhooks.CountAsync(), await db.ApiTokens.CountAsync(),
        string.Join(";", (await db.Set<TimelinePolicy>().AsNoTracking().ToListAsync()).OrderBy(p => p.Priority).Select(p => $"{p.Clock} {p.AcknowledgeWithin}")),
        string.Join(";", await db.EscalationLevels.OrderBy(l => l.Level).Select(l => l.Name).ToListAsync())));
}

public sealed class AdminPageOnSqlite() : AdminPageTests(DatabaseKind.Sqlite);

public sealed class AdminPageOnPostgres() : AdminPageTests(DatabaseKind.Postgres);
