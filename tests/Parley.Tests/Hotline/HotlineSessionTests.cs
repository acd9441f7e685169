using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Parley.Escalation;
using Parley.Notifications;
using Parley.Tests.Infrastructure;
using Parley.Tests.Requests;
using static Parley.Tests.Hotline.HotlineTestKit;

namespace Parley.Tests.Hotline;

public abstract class HotlineSessionTests(DatabaseKind kind) : AppTest(kind)
{
    private static readonly DateTime T0 = TestApp.DefaultStart.UtcDateTime;

    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Services.Configure<DeadlineWatcherOptions>(o => o.Enabled = false);

    private static Dictionary<string, JsonElement> Sides(JsonElement session) =>
        session.GetProperty("participants").EnumerateArray().ToDictionary(p => p.Str("party"));

    private async Task<JsonElement> OpenAsync(object body, string user = "us.hotline")
    {
        var response = await App.As(user).PostJsonAsync(Sessions, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync();
    }

    [Fact]
    public async Task SessionFromAnEscalation_BothSidesAcknowledge_Notes_Requests_Close()
    {
        var requestId = await RequestBodies.SubmitAsync(App, "urgent");
        var escalationId = await InsertEscalationAsync(App, requestId);
        // CN's hotline is rostered now; the US side calls its supervisor by name.
        await App.As("cn.hotline").PostJsonAsync("/api/v1/hotline/parties/CN/shifts", new { user = "cn.hotline", startsAt = "2026-03-02T20:00", endsAt = "2026-03-03T08:00" });

        var opened = await OpenAsync(new { escalationId, calls = new[] { new { party = "us", user = "us.supervisor" } } });
        var id = opened.Str("id");
        Assert.Equal((escalationId.ToString(), "open", "US-CN"), (opened.Str("escalationId"), opened.Str("status"), opened.Str("mechanism")));
        Assert.StartsWith("Escalation of US-CN-2026-", opened.Str("subject"));
        Assert.Equal([requestId], opened.GetProperty("requests").EnumerateArray().Select(r => r.Str("id")));
        var sides = Sides(opened);
        Assert.Equal(("us.supervisor", "cn.hotline"), (sides["US"].Path("calledUser", "userName").GetString(), sides["CN"].Path("calledUser", "userName").GetString()));
        Assert.Equal(JsonValueKind.Null, sides["CN"].GetProperty("acknowledgedAt").ValueKind);

        var called = await NotificationsAsync(App, "hotline.called");
        Assert.Equal(["cn.hotline@cn.test", "us.supervisor@us.test"], called.Where(n => n.Channel == NotificationChannel.Email).Select(n => n.Recipient));
        Assert.All(called, n => Assert.Contains(id, n.Body));

        App.Time.SetUtcNow(T0.AddMinutes(10));
        await App.As("cn.hotline").PostJsonAsync($"{Sessions}/{id}/acknowledge", null);
        App.Time.SetUtcNow(T0.AddMinutes(25));
        var acked = await (await App.As("us.supervisor").PostJsonAsync($"{Sessions}/{id}/acknowledge", null)).ReadAsync();
        sides = Sides(acked);
        Assert.Equal((T0.AddMinutes(10), "00:10:00", "cn.hotline"), (sides["CN"].GetProperty("acknowledgedAt").GetDateTime().ToUniversalTime(),
            sides["CN"].Str("timeToAcknowledge"), sides["CN"].Path("acknowledgedBy", "userName").GetString()));
        Assert.Equal(T0.AddMinutes(25), sides["US"].GetProperty("acknowledgedAt").GetDateTime().ToUniversalTime());

        await App.As("cn.hotline").PostJsonAsync($"{Sessions}/{id}/notes", new { text = "MPS confirms the servers were taken down on 1 March." });
        var second = await RequestBodies.SubmitAsync(App, "high", from: "cn.officer", toParty: "US");
        var linked = await (await App.As("us.hotline").PostJsonAsync($"{Sessions}/{id}/requests", new { request = second })).ReadAsync();
        Assert.Equal(2, linked.GetProperty("requests").GetArrayLength());
        var draft = await App.As("cn.officer").PostJsonAsync("/api/v1/requests", RequestBodies.Valid(draft: true, toParty: "US"));
        var draftId = (await draft.ReadAsync()).Path("summary", "id").GetString();
        var hidden = await App.As("us.hotline").PostJsonAsync($"{Sessions}/{id}/requests", new { request = draftId });
        Assert.Equal(["request"], (await hidden.ReadAsync()).ErrorFields());
        Assert.Equal(HttpStatusCode.OK, (await App.As("us.hotline").DeleteAsync($"{Sessions}/{id}/requests/{second}")).StatusCode);

        var current = await App.As("us.hotline").GetAsync($"{Sessions}/{id}");
        var etag = current.Headers.ETag!.Tag;
        var stale = await App.As("us.hotline").PostJsonAsync($"{Sessions}/{id}/close", new { outcome = "resolved" }, ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(["outcome"], (await (await App.As("us.hotline").PostJsonAsync($"{Sessions}/{id}/close", new { note = "?" })).ReadAsync()).ErrorFields());
        App.Time.SetUtcNow(T0.AddHours(1));
        var closed = await (await App.As("us.hotline").PostJsonAsync($"{Sessions}/{id}/close",
            new { outcome = "partly-resolved", note = "Servers down; the logs follow through the request." }, ifMatch: etag)).ReadAsync();
        Assert.Equal(("closed", "partly-resolved", "us.hotline"), (closed.Str("status"), closed.Str("outcome"), closed.Path("closedBy", "userName").GetString()));
        Assert.Equal(T0.AddHours(1), closed.GetProperty("closedAt").GetDateTime().ToUniversalTime());
        Assert.Equal(["MPS confirms the servers were taken down on 1 March."], closed.GetProperty("notes").EnumerateArray().Select(n => n.Str("text")));
        Assert.Equal([requestId], closed.GetProperty("requests").EnumerateArray().Select(r => r.Str("id")));
        Assert.Equal(HttpStatusCode.Conflict, (await App.As("cn.hotline").PostJsonAsync($"{Sessions}/{id}/notes", new { text = "late" })).StatusCode);

        var closedList = await (await App.As("cn.officer").GetAsync($"{Sessions}?status=closed&mechanism=US-CN&from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z")).ReadAsync();
        Assert.Equal([id], closedList.EnumerateArray().Select(s => s.Str("id")));
        Assert.Equal(0, (await (await App.As("cn.officer").GetAsync($"{Sessions}?status=open")).ReadAsync()).GetArrayLength());
    }

    [Fact]
    public async Task AdHocSession_WithNobodyRostered_CallsTheAlwaysOnContacts()
    {
        var opened = await OpenAsync(new { mechanism = "US-CN", subject = "Hotline test call" }, user: "cn.hotline");
        var sides = Sides(opened);
        Assert.Equal(("FBI duty", "MPS duty"), (sides["US"].Path("calledContact", "name").GetString(), sides["CN"].Path("calledContact", "name").GetString()));
        Assert.Equal(JsonValueKind.Null, opened.GetProperty("escalationId").ValueKind);
        var called = await NotificationsAsync(App, "hotline.called");
        Assert.Equal(["fbi.duty@contacts.test", "mps.duty@contacts.test"], called.Select(n => n.Recipient));
        Assert.All(called, n => Assert.Equal("[US-CN] Hotline call: Hotline test call", n.Subject));
    }

    [Fact]
    public async Task CalledByName_MayAcknowledgeWhateverTheRole_OnlyForTheirSide()
    {
        var opened = await OpenAsync(new { mechanism = "US-CN", subject = "Call the MPS desk officer", calls = new[] { new { party = "CN", user = "cn.officer" } } });
        var url = $"{Sessions}/{opened.Str("id")}/acknowledge";
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("cn.officer2").PostJsonAsync(url, null)).StatusCode);
        var acked = await (await App.As("cn.officer").PostJsonAsync(url, null)).ReadAsync();
        Assert.Equal("cn.officer", Sides(acked)["CN"].Path("acknowledgedBy", "userName").GetString());
        Assert.Equal(JsonValueKind.Null, Sides(acked)["US"].GetProperty("acknowledgedAt").ValueKind);
        var notice = (await NotificationsAsync(App, "hotline.called")).Single(n => n.Recipient == "cn.officer@cn.test");
        Assert.Equal(NotificationChannel.Email, notice.Channel);
    }

    private static string WithoutTrace(string body) => System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "");

    [Fact]
    public async Task ThirdParty_Gets404LikeAMissingId_WrongRole403_BadInputNamesTheField()
    {
        var id = (await OpenAsync(new { mechanism = "US-CN", subject = "Test" })).Str("id");
        var missing = await App.As("gb.officer").GetAsync($"{Sessions}/{Guid.NewGuid()}");
        var foreign = await App.As("gb.officer").GetAsync($"{Sessions}/{id}");
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (missing.StatusCode, foreign.StatusCode));
        Assert.Equal(WithoutTrace(await missing.Content.ReadAsStringAsync()), WithoutTrace(await foreign.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("gb.supervisor").PostJsonAsync($"{Sessions}/{id}/acknowledge", null)).StatusCode);
        Assert.Equal(0, (await (await App.As("gb.supervisor").GetAsync(Sessions)).ReadAsync()).GetArrayLength());

        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("us.officer").PostJsonAsync($"{Sessions}/{id}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("us.officer").PostJsonAsync(Sessions, new { mechanism = "US-CN", subject = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("us.overseer").GetAsync($"{Sessions}/{id}")).StatusCode);

        var noSubject = await App.As("us.hotline").PostJsonAsync(Sessions, new { mechanism = "US-CN" });
        Assert.Equal(["subject"], (await noSubject.ReadAsync()).ErrorFields());
        var badCall = await App.As("us.hotline").PostJsonAsync(Sessions, new { mechanism = "US-CN", subject = "x", calls = new[] { new { party = "CN", user = "us.officer" } } });
        Assert.Equal(["calls[0].user"], (await badCall.ReadAsync()).ErrorFields());
        var unknown = await App.As("us.hotline").PostJsonAsync(Sessions, new { escalationId = Guid.NewGuid() });
        Assert.Equal(["escalationId"], (await unknown.ReadAsync()).ErrorFields());
        var badOutcome = await App.As("us.hotline").PostJsonAsync($"{Sessions}/{id}/close", new { outcome = "won" });
        Assert.Equal(HttpStatusCode.BadRequest, badOutcome.StatusCode);
        Assert.Equal(["outcome"], (await badOutcome.ReadAsync()).ErrorFields());
    }
}

public sealed class HotlineSessionOnSqlite() : HotlineSessionTests(DatabaseKind.Sqlite);

public sealed class HotlineSessionOnPostgres() : HotlineSessionTests(DatabaseKind.Postgres);
