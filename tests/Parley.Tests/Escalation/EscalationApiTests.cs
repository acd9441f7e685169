using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Parley.Escalation;
using Parley.Tests.Infrastructure;
using Parley.Tests.Requests;

namespace Parley.Tests.Escalation;

/// Escalating by hand, acknowledging, resolving and reading escalations; requests go from FBI (us.officer) to CN.
public abstract class EscalationApiTests(DatabaseKind kind) : AppTest(kind)
{
    private const string Unusable = "Answer received but unusable: the logs cover the wrong week.";

    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Services.Configure<DeadlineWatcherOptions>(o => o.Enabled = false);

    private async Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body)> RaiseAsync(string user, string requestId, object? body)
    {
        var response = await App.As(user).PostJsonAsync($"/api/v1/requests/{requestId}/escalations", body);
        return (response.StatusCode, await response.ReadAsync());
    }

    private static string WithoutTraceId(string body) => Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "");

    [Fact]
    public async Task EachSide_EscalatesByHand_TheOtherSideAcknowledges_EitherSideResolves()
    {
        var id = await RequestBodies.SubmitAsync(App);
        var (status, raised) = await RaiseAsync("us.officer", id, new { reason = Unusable });
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(("manual", "requesting", "FBI", 1, "Desk", "open"),
            (raised.Str("cause"), raised.Str("raisedBySide"), raised.Str("raisedByAgency"), raised.GetProperty("level").GetInt32(), raised.Str("levelName"), raised.Str("status")));
        Assert.Equal(TestApp.DefaultStart.UtcDateTime.AddHours(2), raised.GetProperty("acknowledgeDueAt").GetDateTime().ToUniversalTime());
        var first = raised.Str("id");

        // One open escalation per request: the second names the first.
        var (again, conflict) = await RaiseAsync("us.supervisor", id, new { reason = "Still nothing." });
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Equal(first, conflict.Str("openEscalationId"));

        App.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("us.officer2").PostJsonAsync($"/api/v1/escalations/{first}/acknowledge", null)).StatusCode);
        var ack = await App.As("cn.officer").PostJsonAsync($"/api/v1/escalations/{first}/acknowledge", new { note = "We will send the right week." });
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal(["resolve"], (await ack.ReadAsync()).GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        var resolved = await App.As("us.officer").PostJsonAsync($"/api/v1/escalations/{first}/resolve", new { resolution = "Corrected logs received." });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal("resolved", (await resolved.ReadAsync()).Str("status"));

        App.Time.Advance(TimeSpan.FromHours(1));
        // Now the responding side escalates (a hotline officer may too); the requesting side acknowledges.
        var (byCn, fromCn) = await RaiseAsync("cn.officer", id, new { reason = "Clarification promised, never sent." });
        Assert.Equal(HttpStatusCode.Created, byCn);
        Assert.Equal(("responding", "MPS"), (fromCn.Str("raisedBySide"), fromCn.Str("raisedByAgency")));
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("cn.supervisor").PostJsonAsync($"/api/v1/escalations/{fromCn.Str("id")}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.As("us.hotline").PostJsonAsync($"/api/v1/escalations/{fromCn.Str("id")}/acknowledge", null)).StatusCode);

        var list = await (await App.As("cn.officer").GetAsync($"/api/v1/requests/{id}/escalations")).ReadAsync();
        Assert.Equal(["resolved", "acknowledged"], list.EnumerateArray().Select(e => e.Str("status")));
        Assert.Equal(["raised", "acknowledged", "resolved"], list[0].GetProperty("steps").EnumerateArray().Select(s => s.Str("kind")));

        var timeline = (await (await App.As("us.officer").GetAsync($"/api/v1/requests/{id}")).ReadAsync()).GetProperty("timeline").EnumerateArray()
            .Select(e => (e.Str("type"), e.Str("actorAgency"))).Skip(2);
        Assert.Equal([("escalation-raised", "FBI"), ("escalation-acknowledged", "MPS"), ("escalation-resolved", "FBI"),
                      ("escalation-raised", "MPS"), ("escalation-acknowledged", "FBI")], timeline);
    }

    [Fact]
    public async Task WrongRole_Is403_ThirdParty_Is404LikeAMissingRequest()
    {
        var id = await RequestBodies.SubmitAsync(App);
        foreach (var user in new[] { "us.overseer", "us.analyst", "cn.overseer" })
            Assert.Equal(HttpStatusCode.Forbidden, (await RaiseAsync(user, id, new { reason = Unusable })).Status);

        var missing = Guid.CreateVersion7().ToString();
        foreach (var user in new[] { "gb.officer", "gb.supervisor" })
        {
            var hidden = await App.As(user).PostJsonAsync($"/api/v1/requests/{id}/escalations", new { reason = Unusable });
            var absent = await App.As(user).PostJsonAsync($"/api/v1/requests/{missing}/escalations", new { reason = Unusable });
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
            Assert.Equal(WithoutTraceId(await absent.Content.ReadAsStringAsync()), WithoutTraceId(await hidden.Content.ReadAsStringAsync()));
        }

        // A hotline officer of either party may escalate, whatever agency the request is with.
        var (byHotline, raised) = await RaiseAsync("us.hotline", id, new { reason = Unusable });
        Assert.Equal(HttpStatusCode.Created, byHotline);
        var escalation = raised.Str("id");
        foreach (var route in new[] { "", "/acknowledge", "/resolve" })
        {
            var hidden = route == "" ? await App.As("gb.officer").GetAsync($"/api/v1/escalations/{escalation}")
                : await App.As("gb.officer").PostJsonAsync($"/api/v1/escalations/{escalation}{route}", new { resolution = "x" });
            var absent = route == "" ? await App.As("gb.officer").GetAsync($"/api/v1/escalations/{missing}")
                : await App.As("gb.officer").PostJsonAsync($"/api/v1/escalations/{missing}{route}", new { resolution = "x" });
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
            Assert.Equal(WithoutTraceId(await absent.Content.ReadAsStringAsync()), WithoutTraceId(await hidden.Content.ReadAsStringAsync()));
        }
        var gbList = await (await App.As("gb.officer").GetAsync("/api/v1/escalations")).ReadAsync();
        Assert.Equal(0, gbList.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task BadInput_NamesTheField()
    {
        var id = await RequestBodies.SubmitAsync(App);
        foreach (var body in new object?[] { new { }, new { reason = "   " }, new { reason = new string('x', RaiseEscalation.MaxReason + 1) } })
        {
            var (status, problem) = await RaiseAsync("us.officer", id, body);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal(["reason"], problem.ErrorFields());
        }
        var (_, raised) = await RaiseAsync("us.officer", id, new { reason = Unusable });
        var resolve = await App.As("us.officer").PostJsonAsync($"/api/v1/escalations/{raised.Str("id")}/resolve", new { });
        Assert.Equal(["resolution"], (await resolve.ReadAsync()).ErrorFields());
        var list = await App.As("us.officer").GetAsync("/api/v1/escalations?status=stuck&level=0");
        Assert.Equal(["level", "status"], (await list.ReadAsync()).ErrorFields().Order());
        Assert.Equal(0, await App.WithDbAsync(db => db.Escalations.CountAsync(e => e.Status != EscalationStatus.Open)));
    }

    [Fact]
    public async Task List_FiltersByStatusLevelAndMechanism_ForEitherSide()
    {
        var a = await RequestBodies.SubmitAsync(App);
        var b = await RequestBodies.SubmitAsync(App);
        await RaiseAsync("us.officer", a, new { reason = Unusable });
        var second = (await RaiseAsync("cn.officer", b, new { reason = "Wrong agency; please re-address to MSS." })).Body.Str("id");
        await App.As("us.officer").PostJsonAsync($"/api/v1/escalations/{second}/acknowledge", null);

        foreach (var user in new[] { "us.officer", "cn.hotline" })
        {
            var all = await (await App.As(user).GetAsync("/api/v1/escalations?mechanism=us-cn")).ReadAsync();
            Assert.Equal(2, all.GetProperty("total").GetInt32());
            var open = await (await App.As(user).GetAsync("/api/v1/escalations?status=open&level=1")).ReadAsync();
            Assert.Equal(a, Assert.Single(open.GetProperty("items").EnumerateArray()).Str("requestId"));
        }
        Assert.Equal(0, (await (await App.As("us.officer").GetAsync("/api/v1/escalations?level=2")).ReadAsync()).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("us.overseer").GetAsync("/api/v1/escalations")).StatusCode);
    }

    [Fact]
    public async Task Ladder_IsReadByThePartiesUsers_AndReplacedByAnAdministrator()
    {
        var ladder = await (await App.As("cn.officer").GetAsync("/api/v1/mechanisms/US-CN/escalation-ladder")).ReadAsync();
        Assert.Equal([("Desk", "officer", "02:00:00"), ("Agency supervisor", "supervisor", "04:00:00"), ("Hotline co-chairs", "hotline-officer", "08:00:00")],
            ladder.GetProperty("levels").EnumerateArray().Select(l => (l.Str("name"), l.GetProperty("notify")[0].GetString()!, l.Str("acknowledgeWithin"))));
        Assert.Equal(HttpStatusCode.OK, (await App.As("us.overseer").GetAsync($"/api/v1/mechanisms/{App.Directory.Mechanism.Id}/escalation-ladder")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("gb.officer").GetAsync("/api/v1/mechanisms/US-CN/escalation-ladder")).StatusCode);

        var valid = new
        {
            levels = new object[]
            {
                new { level = 1, name = "Desk", notify = new[] { "officer", "supervisor" }, acknowledgeWithin = "01:00:00" },
                new { level = 2, name = "Hotline co-chairs", notify = new[] { "hotline-officer" }, acknowledgeWithin = "12:00:00" },
            },
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("us.supervisor").PutAsJsonAsync("/api/v1/mechanisms/US-CN/escalation-ladder", valid)).StatusCode);

        var invalid = new
        {
            levels = new object[]
            {
                new { level = 1, name = "Desk", notify = new[] { "overseer" }, acknowledgeWithin = "00:00:00" },
                new { level = 3, name = "", notify = new[] { "supervisor" }, acknowledgeWithin = "04:00:00" },
            },
        };
        var bad = await App.As("us.admin").PutAsJsonAsync("/api/v1/mechanisms/US-CN/escalation-ladder", invalid);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["levels[0].acknowledgeWithin", "levels[0].notify", "levels[1].level", "levels[1].name"], (await bad.ReadAsync()).ErrorFields().Order(StringComparer.Ordinal));
        Assert.Equal(["levels"], (await (await App.As("us.admin").PutAsJsonAsync("/api/v1/mechanisms/US-CN/escalation-ladder", new { levels = Array.Empty<object>() })).ReadAsync()).ErrorFields());

        var put = await App.As("us.admin").PutAsJsonAsync("/api/v1/mechanisms/US-CN/escalation-ladder", valid);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var after = await (await App.As("us.officer").GetAsync("/api/v1/mechanisms/us-cn/escalation-ladder")).ReadAsync();
        Assert.Equal([("Desk", 2, "01:00:00"), ("Hotline co-chairs", 1, "12:00:00")],
            after.GetProperty("levels").EnumerateArray().Select(l => (l.Str("name"), l.GetProperty("notify").GetArrayLength(), l.Str("acknowledgeWithin"))));

        // The new ladder governs new escalations.
        var id = await RequestBodies.SubmitAsync(App);
        var raised = await App.As("us.officer").PostJsonAsync($"/api/v1/requests/{id}/escalations", new { reason = Unusable });
        var body = await raised.ReadAsync();
        Assert.Equal((2, TestApp.DefaultStart.UtcDateTime.AddHours(1)), (body.GetProperty("topLevel").GetInt32(), body.GetProperty("acknowledgeDueAt").GetDateTime().ToUniversalTime()));
    }
}

public sealed class EscalationApiOnSqlite() : EscalationApiTests(DatabaseKind.Sqlite);

public sealed class EscalationApiOnPostgres() : EscalationApiTests(DatabaseKind.Postgres);
