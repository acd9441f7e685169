using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Requests;

/// The request API through the real HTTP pipeline, run once on SQLite and once on PostgreSQL.
public abstract class RequestsApiTests(DatabaseKind kind) : AppTest(kind)
{
    private static JsonElement Deadline(JsonElement detail, string deadlineKind) =>
        detail.GetProperty("deadlines").EnumerateArray().Single(d => d.Str("kind") == deadlineKind);

    private async Task<JsonElement> ActAsync(string user, string id, string action, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await App.As(user).PostJsonAsync($"/api/v1/requests/{id}/{action}", body);
        var json = await response.ReadAsync();
        Assert.True(expected == response.StatusCode, $"{action} by {user}: expected {expected}, got {response.StatusCode}: {json}");
        return json;
    }

    [Fact]
    public async Task Submit_ValidRequest_Returns201WithReferenceAndBusinessDeadlinesOfResponder()
    {
        var response = await App.As("us.officer").PostJsonAsync("/api/v1/requests", RequestBodies.Valid("high"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var detail = await response.ReadAsync();
        Assert.Equal("US-CN-2026-0001", detail.Path("summary", "reference").GetString());
        Assert.Equal("submitted", detail.Path("summary", "status").GetString());
        Assert.Equal(response.Headers.ETag!.Tag, $"\"{detail.Path("summary", "version").GetInt32()}\"");
        Assert.EndsWith($"/api/v1/requests/{detail.Path("summary", "id").GetString()}", response.Headers.Location!.ToString());
        // Submitted Mon 2026-03-02 14:00Z = 22:00 in Shanghai, after CN office hours: the CN business
        // clock starts Tue 09:00 CST. 8 working hours → Tue 17:00 CST = 09:00Z.
        var ack = Deadline(detail, "acknowledge");
        Assert.Equal("2026-03-03T09:00:00Z", ack.Str("dueAt"));
        Assert.Equal("pending", ack.Str("state"));
        Assert.Equal(19 * 3600, ack.GetProperty("secondsLeft").GetInt64());
        Assert.Equal("2026-03-03T04:00:00-05:00", ack.Path("dueForViewer", "local").GetString());
        Assert.Equal("2026-03-03T17:00:00+08:00", ack.Path("dueForCounterpart", "local").GetString());
        // 24 working hours: Tue, Wed, Thu → Thu 17:00 CST. 80 hours: ten working days → Mon 16 March 17:00 CST.
        Assert.Equal("2026-03-05T09:00:00Z", Deadline(detail, "first-answer").Str("dueAt"));
        Assert.Equal("2026-03-16T09:00:00Z", Deadline(detail, "final-answer").Str("dueAt"));
        Assert.Equal(3, detail.GetProperty("indicators").GetArrayLength());
        Assert.Equal("44d88612fea8a8f36de82e1278abb02f", detail.GetProperty("indicators")[2].Str("value"));
        Assert.Equal(["drafted", "submitted"], detail.GetProperty("timeline").EnumerateArray().Select(e => e.Str("type")));
        Assert.Equal(["withdraw"], detail.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Submit_Urgent_UsesCalendarClock()
    {
        var id = await RequestBodies.SubmitAsync(App, "urgent");
        var detail = await (await App.As("us.officer").GetAsync($"/api/v1/requests/{id}")).ReadAsync();
        // Calendar clock: 4 hours after 14:00Z, whatever the hour in Shanghai.
        Assert.Equal("2026-03-02T18:00:00Z", Deadline(detail, "acknowledge").Str("dueAt"));
        Assert.Equal("2026-03-05T14:00:00Z", Deadline(detail, "final-answer").Str("dueAt"));
    }

    [Fact]
    public async Task References_CountPerDirectionAndYear()
    {
        await RequestBodies.SubmitAsync(App);
        await RequestBodies.SubmitAsync(App);
        var cnToUs = await App.As("cn.officer").PostJsonAsync("/api/v1/requests", RequestBodies.Valid(toParty: "US"));
        var draft = await App.As("us.officer").PostJsonAsync("/api/v1/requests", RequestBodies.Valid(draft: true));

        Assert.Equal("CN-US-2026-0001", (await cnToUs.ReadAsync()).Path("summary", "reference").GetString());
        var draftJson = await draft.ReadAsync();
        Assert.Equal(JsonValueKind.Null, draftJson.Path("summary", "reference").ValueKind);
        var submitted = await ActAsync("us.officer", draftJson.Path("summary", "id").GetString()!, "submit");
        Assert.Equal("US-CN-2026-0003", submitted.Path("summary", "reference").GetString());
        var byReference = await App.As("cn.officer").GetAsync("/api/v1/requests/us-cn-2026-0003");
        Assert.Equal(HttpStatusCode.OK, byReference.StatusCode);
    }

    [Fact]
    public async Task Lifecycle_FromSubmissionToClose_RecordsEveryStepAndMeetsDeadlines()
    {
        var id = await RequestBodies.SubmitAsync(App, "urgent");
        App.Time.Advance(TimeSpan.FromHours(1));
        await ActAsync("cn.officer", id, "acknowledge");
        await ActAsync("cn.officer", id, "start");
        await ActAsync("cn.officer", id, "request-clarification", new { message = "Which mailbox?" });
        App.Time.Advance(TimeSpan.FromHours(2));
        await ActAsync("us.officer", id, "clarify", new { message = "The CFO's." });
        await ActAsync("cn.officer2", id, "partial-answer", new { message = "Server located in Tianjin; preserved." });
        App.Time.Advance(TimeSpan.FromHours(10));
        await ActAsync("cn.supervisor", id, "final-answer", new { message = "Operator identified and referred." });
        var closed = await ActAsync("us.supervisor", id, "close");

        Assert.Equal("closed", closed.Path("summary", "status").GetString());
        Assert.Equal(
            ["drafted", "submitted", "acknowledged", "work-started", "clarification-requested", "clarification-provided", "partial-answer", "final-answer", "closed"],
            closed.GetProperty("timeline").EnumerateArray().Select(e => e.Str("type")));
        Assert.Equal(Enumerable.Range(1, 9), closed.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt32()));
        Assert.All(closed.GetProperty("deadlines").EnumerateArray(), d => Assert.Equal("met", d.Str("state")));
        Assert.Equal("2026-03-02T15:00:00Z", Deadline(closed, "acknowledge").Str("completedAt"));
        Assert.Equal("MPS", closed.Path("summary", "toAgency", "code").GetString());
        Assert.Empty(closed.GetProperty("allowedActions").EnumerateArray());
    }

    [Fact]
    public async Task Clarification_StopsTheClock_AndResumingShiftsDeadlinesByThePause()
    {
        var id = await RequestBodies.SubmitAsync(App, "high");
        App.Time.SetUtcNow(new DateTimeOffset(2026, 3, 3, 2, 0, 0, TimeSpan.Zero)); // Tue 10:00 CST
        await ActAsync("cn.officer", id, "acknowledge");
        App.Time.SetUtcNow(new DateTimeOffset(2026, 3, 3, 3, 0, 0, TimeSpan.Zero)); // Tue 11:00 CST: 2 working hours used
        var paused = await ActAsync("cn.officer", id, "request-clarification", new { message = "Please give the victim's IP range." });

        var first = Deadline(paused, "first-answer");
        Assert.True(first.GetProperty("paused").GetBoolean());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("dueAt").ValueKind);
        Assert.Equal(22 * 3600, first.GetProperty("secondsLeft").GetInt64());
        Assert.Equal(78 * 3600, Deadline(paused, "final-answer").GetProperty("secondsLeft").GetInt64());
        Assert.Equal("met", Deadline(paused, "acknowledge").Str("state"));

        // A week later the clock still shows the same time left: it is stopped.
        App.Time.SetUtcNow(new DateTimeOffset(2026, 3, 4, 3, 0, 0, TimeSpan.Zero)); // Wed 11:00 CST: paused one working day
        var resumed = await ActAsync("us.officer", id, "clarify", new { message = "198.51.100.0/24" });
        // 22 working hours left from Wed 11:00 CST: Wed 6 + Thu 8 + Fri 8 → Fri 6 March 17:00 CST.
        Assert.Equal("2026-03-06T09:00:00Z", Deadline(resumed, "first-answer").Str("dueAt"));
        // 78 left: Wed 6, then nine full days to Tue 17 March 17:00 CST.
        Assert.Equal("2026-03-17T09:00:00Z", Deadline(resumed, "final-answer").Str("dueAt"));
        Assert.False(Deadline(resumed, "final-answer").GetProperty("paused").GetBoolean());
    }

    [Fact]
    public async Task Draft_IsRevisedOnlyByItsAuthorsAgency_ThenSubmitted_ThenFrozen()
    {
        var created = await (await App.As("us.officer").PostJsonAsync("/api/v1/requests", RequestBodies.Valid(draft: true))).ReadAsync();
        var id = created.Path("summary", "id").GetString()!;
        var revised = RequestBodies.Valid("urgent", draft: true);
        revised["subject"] = "Revised: exfiltration from a steel producer";
        revised["indicators"] = System.Text.Json.Nodes.JsonNode.Parse("[{\"type\":\"email\",\"value\":\"ops@example.org\"}]");

        Assert.Equal(HttpStatusCode.NotFound, (await App.As("cn.officer").PutAsJsonAsync($"/api/v1/requests/{id}", revised)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("us.dhs").PutAsJsonAsync($"/api/v1/requests/{id}", revised)).StatusCode);
        var response = await App.As("us.officer2").PutAsJsonAsync($"/api/v1/requests/{id}", revised);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var detail = await response.ReadAsync();
        Assert.Equal("Revised: exfiltration from a steel producer", detail.Path("summary", "subject").GetString());
        Assert.Equal("urgent", detail.Path("summary", "priority").GetString());
        Assert.Equal(["ops@example.org"], detail.GetProperty("indicators").EnumerateArray().Select(i => i.Str("value")));
        Assert.Equal(["drafted", "draft-revised"], detail.GetProperty("timeline").EnumerateArray().Select(e => e.Str("type")));
        Assert.Empty(detail.GetProperty("deadlines").EnumerateArray());

        var bad = RequestBodies.Valid(draft: true);
        bad["narrative"] = "";
        var refused = await App.As("us.officer").PutAsJsonAsync($"/api/v1/requests/{id}", bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Revised: exfiltration from a steel producer", (await (await App.As("us.officer").GetAsync($"/api/v1/requests/{id}")).ReadAsync()).Path("summary", "subject").GetString());

        var submitted = await ActAsync("us.officer", id, "submit");
        Assert.Equal("2026-03-02T18:00:00Z", Deadline(submitted, "acknowledge").Str("dueAt"));
        Assert.Equal(HttpStatusCode.Conflict, (await App.As("us.officer").PutAsJsonAsync($"/api/v1/requests/{id}", revised)).StatusCode);
    }

    [Fact]
    public async Task Transition_NotAllowedInState_Returns409NamingStateAndAllowedActions()
    {
        var id = await RequestBodies.SubmitAsync(App);
        var response = await App.As("us.officer").PostJsonAsync($"/api/v1/requests/{id}/close", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.ReadAsync();
        Assert.Equal("submitted", problem.Str("requestStatus"));
        Assert.Equal(["acknowledge", "decline", "withdraw"], problem.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()!).Order());
    }

    [Fact]
    public async Task Transition_ByWrongSide_Returns403()
    {
        var id = await RequestBodies.SubmitAsync(App);
        await ActAsync("us.officer", id, "acknowledge", expected: HttpStatusCode.Forbidden);
        await ActAsync("cn.officer", id, "withdraw", expected: HttpStatusCode.Forbidden);
        await ActAsync("cn.hotline", id, "acknowledge", expected: HttpStatusCode.Forbidden);
        await ActAsync("us.dhs", id, "withdraw", expected: HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task NamedAgency_OnlyThatAgencyResponds_AndTheAcknowledgingAgencyKeepsTheRequest()
    {
        var toMss = await App.As("us.officer").PostJsonAsync("/api/v1/requests", RequestBodies.Valid(toAgency: "MSS"));
        var mssId = (await toMss.ReadAsync()).Path("summary", "id").GetString()!;
        await ActAsync("cn.officer", mssId, "acknowledge", expected: HttpStatusCode.Forbidden);
        await ActAsync("cn.mss", mssId, "acknowledge");

        var open = await RequestBodies.SubmitAsync(App);
        await ActAsync("cn.officer", open, "acknowledge");
        await ActAsync("cn.mss", open, "start", expected: HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Decline_RequiresReason_ThenEndsTheRequestWithDeadlinesAnswered()
    {
        var id = await RequestBodies.SubmitAsync(App);
        var missing = await ActAsync("cn.officer", id, "decline", new { }, HttpStatusCode.BadRequest);
        Assert.Contains("reason", missing.ErrorFields());

        var declined = await ActAsync("cn.officer", id, "decline", new { reason = "Outside the agreement's scope." });
        Assert.Equal("declined", declined.Path("summary", "status").GetString());
        Assert.Equal("Outside the agreement's scope.", declined.Str("declineReason"));
        Assert.All(declined.GetProperty("deadlines").EnumerateArray(), d => Assert.Equal("met", d.Str("state")));
    }

    [Fact]
    public async Task Withdraw_CancelsPendingDeadlines()
    {
        var id = await RequestBodies.SubmitAsync(App);
        var withdrawn = await ActAsync("us.officer", id, "withdraw");
        Assert.Equal("withdrawn", withdrawn.Path("summary", "status").GetString());
        Assert.All(withdrawn.GetProperty("deadlines").EnumerateArray(), d => Assert.Equal("cancelled", d.Str("state")));
    }

    [Fact]
    public async Task StaleIfMatch_Returns412_AndCurrentETagSucceeds()
    {
        var id = await RequestBodies.SubmitAsync(App);
        var read = await App.As("cn.officer").GetAsync($"/api/v1/requests/{id}");
        var etag = read.Headers.ETag!.Tag;
        await ActAsync("cn.officer", id, "acknowledge");

        var stale = await App.As("cn.officer").PostJsonAsync($"/api/v1/requests/{id}/start", null, ifMatch: etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var fresh = await App.As("cn.officer").GetAsync($"/api/v1/requests/{id}");
        var ok = await App.As("cn.officer").PostJsonAsync($"/api/v1/requests/{id}/start", null, ifMatch: fresh.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task List_FiltersByDirectionStatusOverdueAndText_AndSortsByUrgency()
    {
        var routine = await RequestBodies.SubmitAsync(App, "routine");
        var urgent = await RequestBodies.SubmitAsync(App, "urgent");
        var fromCn = await RequestBodies.SubmitAsync(App, "high", from: "cn.officer", toParty: "US");
        await App.As("us.officer").PostJsonAsync("/api/v1/requests", RequestBodies.Valid(draft: true));

        async Task<List<string>> Ids(string user, string query)
        {
            var response = await App.As(user).GetAsync($"/api/v1/requests?{query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.ReadAsync()).GetProperty("items").EnumerateArray().Select(i => i.Str("id")).ToList();
        }

        Assert.Equal([urgent, routine], await Ids("us.officer", "direction=out&status=submitted"));
        Assert.Equal([fromCn], await Ids("us.officer", "direction=in"));
        Assert.Equal([urgent, fromCn, routine], await Ids("cn.officer", "direction=all"));
        Assert.Empty(await Ids("us.officer", "overdue=true"));
        App.Time.Advance(TimeSpan.FromHours(5));
        Assert.Equal([urgent], await Ids("us.officer", "overdue=true"));
        Assert.Equal([urgent], await Ids("cn.officer", "priority=urgent"));
        Assert.Equal(3, (await Ids("us.officer", "q=STEEL&status=submitted")).Count);
        Assert.Single(await Ids("us.officer", "status=draft"));
        Assert.Empty(await Ids("cn.officer", "status=draft"));

        var page = await (await App.As("us.officer").GetAsync("/api/v1/requests?pageSize=2&page=2")).ReadAsync();
        Assert.Equal(4, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());

        var overdue = await (await App.As("us.officer").GetAsync($"/api/v1/requests/{urgent}")).ReadAsync();
        Assert.Equal("missed", Deadline(overdue, "acknowledge").Str("state"));
        Assert.Equal(-3600, Deadline(overdue, "acknowledge").GetProperty("secondsLeft").GetInt64());
    }

    [Fact]
    public async Task List_ByUrgency_PagesFromRunningClocksIntoStoppedOnes_AndAgencyInboxesAreSeparate()
    {
        var paused = await RequestBodies.SubmitAsync(App, "urgent");
        var routine = await RequestBodies.SubmitAsync(App, "routine");
        var high = await RequestBodies.SubmitAsync(App, "high");
        var toMss = (await (await App.As("us.officer").PostJsonAsync("/api/v1/requests", RequestBodies.Valid("urgent", toAgency: "MSS"))).ReadAsync()).Path("summary", "id").GetString()!;
        foreach (var id in new[] { paused, routine, high })
            await ActAsync("cn.officer", id, "acknowledge");
        await ActAsync("cn.officer", paused, "request-clarification", new { message = "Which server?" });

        async Task<List<string>> Page(string user, string query) =>
            (await (await App.As(user).GetAsync($"/api/v1/requests?{query}")).ReadAsync()).GetProperty("items").EnumerateArray().Select(i => i.Str("id")).ToList();

        // high (first answer Thu 5 March) before routine (Fri 13 March); the paused request has no running clock.
        Assert.Equal([high, routine], await Page("cn.officer", "direction=in&agency=mine&open=true&pageSize=2&page=1"));
        Assert.Equal([paused], await Page("cn.officer", "direction=in&agency=mine&open=true&pageSize=2&page=2"));
        Assert.Equal([toMss], await Page("cn.mss", "direction=in&agency=mine&open=true"));
        Assert.Equal([toMss, high, routine, paused], await Page("cn.supervisor", "direction=in&open=true"));
    }

    [Fact]
    public async Task List_BadFilter_Returns400NamingIt()
    {
        var response = await App.As("us.officer").GetAsync("/api/v1/requests?status=lost&pageSize=1000");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["pageSize", "status"], (await response.ReadAsync()).ErrorFields().Order());
    }
}

public sealed class RequestsApiOnSqlite() : RequestsApiTests(DatabaseKind.Sqlite);

public sealed class RequestsApiOnPostgres() : RequestsApiTests(DatabaseKind.Postgres);
