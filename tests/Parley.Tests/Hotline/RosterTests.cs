using System.Net;
using System.Text.Json;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Hotline;

/// New York moves its clocks from 02:00 EST to 03:00 EDT on Sunday 8 March 2026; Shanghai stays at +08:00.
public abstract class RosterTests(DatabaseKind kind) : AppTest(kind)
{
    private const string UsShifts = "/api/v1/hotline/parties/US/shifts", CnShifts = "/api/v1/hotline/parties/CN/shifts";
    private static readonly DateTime Sunday = new(2026, 3, 8, 0, 0, 0, DateTimeKind.Utc);

    private async Task<JsonElement> AddAsync(string user, string url, object body)
    {
        var response = await App.As(user).PostJsonAsync(url, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync();
    }

    private async Task<Dictionary<string, JsonElement>> NowAsync(string user = "cn.officer") =>
        (await (await App.As(user).GetAsync("/api/v1/hotline/on-call/now?mechanism=US-CN")).ReadAsync())
        .GetProperty("parties").EnumerateArray().ToDictionary(p => p.Str("party"));

    private static string? Holder(JsonElement party) =>
        party.GetProperty("holders").EnumerateArray().Select(h => h.Path("user", "userName").GetString()).FirstOrDefault();

    private static List<string> Contacts(JsonElement party) => party.GetProperty("contacts").EnumerateArray().Select(c => c.Str("name")).ToList();

    [Fact]
    public async Task OnCallNow_InEachPartysZone_AcrossTheDstChangeInNewYork()
    {
        // 20:00 EST Saturday to 08:00 EDT Sunday: eleven hours, not twelve.
        var us = await AddAsync("us.hotline", UsShifts, new { user = "us.hotline", startsAt = "2026-03-07T20:00", endsAt = "2026-03-08T08:00", note = "weekend" });
        Assert.Equal((Sunday.AddHours(1), Sunday.AddHours(12)),
            (us.GetProperty("startsAtUtc").GetDateTime().ToUniversalTime(), us.GetProperty("endsAtUtc").GetDateTime().ToUniversalTime()));
        Assert.Equal(("2026-03-07T20:00:00-05:00", "2026-03-08T08:00:00-04:00"), (us.Path("startsAt", "local").GetString(), us.Path("endsAt", "local").GetString()));
        var cn = await AddAsync("cn.hotline", CnShifts, new { user = "cn.hotline", startsAt = "2026-03-08T09:00", endsAt = "2026-03-08T21:00" });
        Assert.Equal(Sunday.AddHours(13), cn.GetProperty("endsAtUtc").GetDateTime().ToUniversalTime());

        App.Time.SetUtcNow(Sunday.AddHours(12).AddSeconds(-1));
        var now = await NowAsync();
        Assert.Equal(("us.hotline", false, "2026-03-08T07:59:59-04:00"), (Holder(now["US"]), now["US"].GetProperty("fallback").GetBoolean(), now["US"].Path("localNow", "local").GetString()));
        Assert.Equal(("cn.hotline", "2026-03-08T19:59:59+08:00"), (Holder(now["CN"]), now["CN"].Path("localNow", "local").GetString()));

        // At 08:00 EDT the US shift is over (a fixed -05:00 would have kept it until 13:00Z): the 24/7 desk stands in.
        App.Time.SetUtcNow(Sunday.AddHours(12));
        now = await NowAsync("us.officer");
        Assert.Null(Holder(now["US"]));
        Assert.True(now["US"].GetProperty("fallback").GetBoolean());
        Assert.Equal(["FBI duty"], Contacts(now["US"]));
        Assert.Equal("cn.hotline", Holder(now["CN"]));

        App.Time.SetUtcNow(Sunday.AddHours(13));
        now = await NowAsync();
        Assert.True(now["CN"].GetProperty("fallback").GetBoolean());
        Assert.Equal(["MPS duty"], Contacts(now["CN"]));
    }

    [Fact]
    public async Task Input_WithOffset_SkippedLocalTime_AndOverlap()
    {
        var withOffset = await AddAsync("us.supervisor", UsShifts, new { user = "us.hotline", startsAt = "2026-03-09T12:00Z", endsAt = "2026-03-09T20:00:00-04:00" });
        Assert.Equal(("2026-03-09T08:00:00-04:00", "2026-03-09T20:00:00-04:00"), (withOffset.Path("startsAt", "local").GetString(), withOffset.Path("endsAt", "local").GetString()));

        var skipped = await App.As("us.hotline").PostJsonAsync(UsShifts, new { user = "us.hotline", startsAt = "2026-03-08T02:30", endsAt = "2026-03-08T06:00" });
        Assert.Equal(HttpStatusCode.BadRequest, skipped.StatusCode);
        Assert.Equal(["startsAt"], (await skipped.ReadAsync()).ErrorFields());

        var overlap = await App.As("us.hotline").PostJsonAsync(UsShifts, new { user = "us.hotline", startsAt = "2026-03-09T19:00", endsAt = "2026-03-10T07:00" });
        Assert.Equal(HttpStatusCode.BadRequest, overlap.StatusCode);
        var problem = await overlap.ReadAsync();
        Assert.Equal(["startsAt"], problem.ErrorFields());
        Assert.Contains("us.hotline is already on call", problem.Path("errors", "startsAt")[0].GetString());
        // Another person may overlap, and the same person may start when the last shift ends.
        await AddAsync("us.hotline", UsShifts, new { user = "us.supervisor", startsAt = "2026-03-09T19:00", endsAt = "2026-03-10T07:00" });
        await AddAsync("us.hotline", UsShifts, new { user = "us.hotline", startsAt = "2026-03-09T20:00", endsAt = "2026-03-10T08:00" });

        var bad = await App.As("us.hotline").PostJsonAsync(UsShifts, new { user = "us.officer", startsAt = "2026-03-11T08:00", endsAt = "2026-03-11T07:00" });
        Assert.Equal(["endsAt", "user"], (await bad.ReadAsync()).ErrorFields().Order());
    }

    [Fact]
    public async Task EachPartyWritesItsOwnRoster_BothReadBoth_ThirdPartiesSeeNothing()
    {
        var body = new { user = "us.hotline", startsAt = "2026-03-02T09:00", endsAt = "2026-03-02T17:00" };
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("us.officer").PostJsonAsync(UsShifts, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("cn.hotline").PostJsonAsync(UsShifts, body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("gb.supervisor").PostJsonAsync(UsShifts, body)).StatusCode);
        var shift = await AddAsync("us.admin", UsShifts, body);

        var list = await (await App.As("cn.officer").GetAsync($"{UsShifts}?from=2026-03-01T00:00:00Z&to=2026-03-03T00:00:00Z")).ReadAsync();
        Assert.Equal(shift.Str("id"), list[0].Str("id"));
        var contacts = await (await App.As("us.officer").GetAsync("/api/v1/hotline/parties/CN/contacts")).ReadAsync();
        Assert.Equal(["MPS desk", "MPS duty", "MSS desk"], contacts.EnumerateArray().Select(c => c.Str("name")));
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("gb.officer").GetAsync(UsShifts)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("us.officer").GetAsync("/api/v1/hotline/parties/GB/contacts")).StatusCode);

        var url = $"{UsShifts}/{shift.Str("id")}";
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("cn.hotline").DeleteAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await App.As("us.hotline").DeleteAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("us.hotline").DeleteAsync(url)).StatusCode);
    }
}

public sealed class RosterOnSqlite() : RosterTests(DatabaseKind.Sqlite);

public sealed class RosterOnPostgres() : RosterTests(DatabaseKind.Postgres);
