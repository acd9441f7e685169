using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Parley.Escalation;
using Parley.Hotline;
using Parley.Tests.Infrastructure;
using Parley.Tests.Requests;

namespace Parley.Tests.Web;

/// The hotline console: a missed deadline's escalation with its buttons for exactly those who may act, the
/// sessions opened from it and the communication checks; forged posts are refused by the API's own rules.
public abstract class HotlinePageTests(DatabaseKind kind) : AppTest(kind)
{
    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Services.Configure<DeadlineWatcherOptions>(o => o.Enabled = false);

    /// An urgent US→CN request whose acknowledgement deadline (4 h) passed: escalated to CN at level 1 (desk officers).
    private async Task<Guid> MissedDeadlineAsync()
    {
        await RequestBodies.SubmitAsync(App, priority: "urgent");
        App.Time.Advance(TestDirectory.UrgentAck + TimeSpan.FromMinutes(1));
        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DeadlineWatch>().RunOnceAsync(default);
        return await App.WithDbAsync(db => db.Escalations.Select(e => e.Id).SingleAsync());
    }

    private Task<EscalationStatus> StatusAsync(Guid id) => App.WithDbAsync(db => db.Escalations.Where(e => e.Id == id).Select(e => e.Status).SingleAsync());

    [Fact]
    public async Task MissedDeadline_ShowsAsEscalation_OnlyTheEscalatedSideSeesAcknowledge_AndAForgedAcknowledgeIsRefused()
    {
        var id = await MissedDeadlineAsync();
        var us = await PageClient.SignInAsync(App, "us.officer");
        var console = await us.GetAsync("/hotline");
        var row = console.Find($"tr[data-escalation='{id}']");
        Assert.NotNull(row);
        Assert.Contains("deadline-on-time", row.QuerySelector(".escalation-state")!.ClassName);
        Assert.Contains("Level 1: Desk", console.Text("[data-testid=escalations] h3"));
        Assert.Null(row.QuerySelector("[data-action=acknowledge-escalation]"));
        Assert.NotNull(row.QuerySelector("[data-action=resolve-escalation]"));
        Assert.Null(row.QuerySelector("[data-action=open-session]"));

        var forged = await us.ForgeAsync(console, "/hotline?handler=Acknowledge", new Dictionary<string, string> { ["escalation"] = id.ToString() });
        Assert.Equal(HttpStatusCode.Forbidden, forged.Status);
        Assert.Equal(EscalationStatus.Open, await StatusAsync(id));

        var cn = await PageClient.SignInAsync(App, "cn.officer");
        var theirs = await cn.GetAsync("/hotline");
        var done = await cn.SubmitAsync(theirs, $"tr[data-escalation='{id}'] [data-action=acknowledge-escalation]", new Dictionary<string, string> { ["note"] = "On it." });
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Equal(EscalationStatus.Acknowledged, await StatusAsync(id));
        Assert.Null(done.Find($"tr[data-escalation='{id}'] [data-action=acknowledge-escalation]"));
    }

    [Fact]
    public async Task ResolvingWithoutSayingHow_ShowsTheMessageNextToTheField()
    {
        var id = await MissedDeadlineAsync();
        var us = await PageClient.SignInAsync(App, "us.supervisor");
        var refused = await us.SubmitAsync(await us.GetAsync("/hotline"), $"tr[data-escalation='{id}'] [data-action=resolve-escalation]");
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("resolution is required", refused.Text($"#e{id:N}-resolution-error"));
        Assert.Equal("true", refused.Find($"#e{id:N}-resolution")!.GetAttribute("aria-invalid"));
        Assert.Equal(EscalationStatus.Open, await StatusAsync(id));
    }

    [Fact]
    public async Task HotlineOfficer_OpensASessionFromTheEscalation_TheOtherSideAcknowledges_ThenItIsClosedWithAnOutcome()
    {
        var id = await MissedDeadlineAsync();
        var us = await PageClient.SignInAsync(App, "us.hotline");
        var session = await us.SubmitAsync(await us.GetAsync("/hotline"), $"tr[data-escalation='{id}'] [data-action=open-session]");
        Assert.Equal(HttpStatusCode.OK, session.Status);
        Assert.Contains("/hotline/sessions/", session.Response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("Open", session.Text("[data-testid=session-status]"));
        var path = session.Response.RequestMessage.RequestUri.AbsolutePath;

        // A CN officer reads it but may only acknowledge when called by name; the CN hotline officer acknowledges.
        var cnOfficer = await PageClient.SignInAsync(App, "cn.officer");
        var read = await cnOfficer.GetAsync(path);
        Assert.Null(read.Find("[data-action=acknowledge-session]"));
        Assert.Null(read.Find("[data-action=close-session]"));
        var cn = await PageClient.SignInAsync(App, "cn.hotline");
        var acknowledged = await cn.SubmitAsync(await cn.GetAsync(path), "[data-action=acknowledge-session]");
        Assert.NotEqual("Not yet", acknowledged.Text("tr[data-party=CN] .acknowledged"));
        Assert.Null(acknowledged.Find("[data-action=acknowledge-session]"));

        var page = await us.GetAsync(path);
        var noOutcome = await us.SubmitAsync(page, "[data-action=close-session]");
        Assert.Equal(HttpStatusCode.BadRequest, noOutcome.Status);
        Assert.Contains("outcome is required", noOutcome.Text("#outcome-error"));
        var closed = await us.SubmitAsync(noOutcome, "[data-action=close-session]", new Dictionary<string, string> { ["Outcome"] = "resolved", ["Note"] = "Logs sent." });
        Assert.Equal("Closed", closed.Text("[data-testid=session-status]"));
        Assert.Contains("Resolved", closed.Text("[data-testid=outcome]"));
        Assert.Equal(HotlineSessionStatus.Closed, await App.WithDbAsync(db => db.HotlineSessions.Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public async Task CommunicationCheck_RunByAHotlineOfficer_ShowsItsPings_AnOfficerHasNoButtonAndIsRefused()
    {
        var officer = await PageClient.SignInAsync(App, "cn.officer");
        var console = await officer.GetAsync("/hotline");
        Assert.Null(console.Find("[data-action=start-check]"));
        // The token comes from a page with a form the officer may use; the console offers none here.
        var forged = await officer.ForgeAsync(await officer.GetAsync("/requests/new"), "/hotline?handler=Check", new Dictionary<string, string> { ["mechanism"] = "US-CN", ["answerWithinMinutes"] = "60" });
        Assert.Equal(HttpStatusCode.Forbidden, forged.Status);
        Assert.Equal(0, await App.WithDbAsync(db => db.CommunicationChecks.CountAsync()));

        var hotline = await PageClient.SignInAsync(App, "cn.hotline");
        var done = await hotline.SubmitAsync(await hotline.GetAsync("/hotline"), "[data-action=start-check]");
        var row = done.Find("[data-testid=checks] tr[data-check]");
        Assert.NotNull(row);
        // Every point of contact of US and CN: FBI desk and duty, DHS desk, MPS desk and duty, MSS desk.
        Assert.Equal("6", row.QuerySelectorAll("td")[2].TextContent.Trim());
    }

    [Fact]
    public async Task OnCall_ShowsEachSidesAlwaysOnContacts_WhenNobodyIsRostered()
    {
        var page = await (await PageClient.SignInAsync(App, "us.officer")).GetAsync("/hotline");
        Assert.Contains("FBI duty", page.Text("[data-testid=on-call] tr[data-party=US]"));
        Assert.Contains("MPS duty", page.Text("[data-testid=on-call] tr[data-party=CN]"));
    }
}

public sealed class HotlinePageOnSqlite() : HotlinePageTests(DatabaseKind.Sqlite);

public sealed class HotlinePageOnPostgres() : HotlinePageTests(DatabaseKind.Postgres);
