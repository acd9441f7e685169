using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Parley.Escalation;
using Parley.Hotline;
using Parley.Notifications;
using Parley.Tests.Infrastructure;
using static Parley.Tests.Hotline.HotlineTestKit;

namespace Parley.Tests.Hotline;

/// Checks of mechanism US-CN ping its six points of contact (FBI desk and duty, DHS desk, MPS desk and duty, MSS desk;
/// NCA is GB's, outside it). A manual check at T0 = Mon 2 March 14:00Z answering within 2 h is due at T0+2h.
public abstract class CommunicationCheckTests(DatabaseKind kind) : AppTest(kind)
{
    protected static readonly DateTime T0 = TestApp.DefaultStart.UtcDateTime;

    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Services.Configure<DeadlineWatcherOptions>(o => o.Enabled = false);

    protected async Task<JsonElement> StartAsync(string user = "us.hotline", string answerWithin = "02:00:00")
    {
        var response = await App.As(user).PostJsonAsync(Checks, new { answerWithin });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync();
    }

    private static Dictionary<string, JsonElement> PingsByContact(JsonElement detail) =>
        detail.GetProperty("pings").EnumerateArray().ToDictionary(p => p.Str("contact"));

    [Fact]
    public async Task Check_AnsweredInTime_Late_Never_AtTheExactInstants()
    {
        var check = await StartAsync();
        var id = check.Path("check", "id").GetString();
        Assert.Equal(6, check.Path("check", "counts", "pending").GetInt32());
        Assert.Equal(T0.AddHours(2), check.Path("check", "dueAt").GetDateTime().ToUniversalTime());

        // FBI desk by its link one second before the deadline; MPS desk by a signed-in MPS officer after an hour.
        App.Time.SetUtcNow(T0.AddHours(1));
        Assert.Equal(HttpStatusCode.OK, (await App.As("cn.officer").PostJsonAsync($"/api/v1/communication-checks/{id}/contacts/{App.Directory.Contacts["MPS desk"]}/acknowledge", null)).StatusCode);
        App.Time.SetUtcNow(T0.AddHours(2).AddSeconds(-1));
        var fbi = await App.Anonymous().PostAsync($"/api/v1/communication-checks/ack/{await TokenForAsync(App, "fbi.desk@contacts.test")}", null);
        Assert.Equal("on-time", (await fbi.ReadAsync()).Str("result"));
        Assert.Equal(0, (await RunWatchAsync(App.Services)).Recorded);

        // At the deadline the four unanswered become Never; an answer from then on is Late, even after that.
        App.Time.SetUtcNow(T0.AddHours(2));
        var pass = await RunWatchAsync(App.Services);
        Assert.Equal(4, pass.Recorded);
        Assert.Null(pass.NextWatchAt);
        var dhs = await App.Anonymous().PostAsync($"/api/v1/communication-checks/ack/{await TokenForAsync(App, "dhs.desk@contacts.test")}", null);
        Assert.Equal("late", (await dhs.ReadAsync()).Str("result"));

        var detail = await (await App.As("us.overseer").GetAsync($"/api/v1/communication-checks/{id}")).ReadAsync();
        var counts = detail.Path("check", "counts");
        Assert.Equal((6, 2, 1, 3, 0), (counts.GetProperty("pings").GetInt32(), counts.GetProperty("onTime").GetInt32(), counts.GetProperty("late").GetInt32(),
            counts.GetProperty("never").GetInt32(), counts.GetProperty("pending").GetInt32()));
        var pings = PingsByContact(detail);
        Assert.Equal(("on-time", "01:00:00"), (pings["MPS desk"].Str("result"), pings["MPS desk"].Str("responseTime")));
        Assert.Equal(("on-time", "01:59:59"), (pings["FBI desk"].Str("result"), pings["FBI desk"].Str("responseTime")));
        Assert.Equal(("late", "02:00:00"), (pings["DHS desk"].Str("result"), pings["DHS desk"].Str("responseTime")));
        Assert.All(new[] { "FBI duty", "MPS duty", "MSS desk" }, c => Assert.Equal("never", pings[c].Str("result")));
    }

    [Fact]
    public async Task ContactRecords_GiveAnswerRateAndMedianResponseTime()
    {
        // Three checks a day apart; FBI desk answers after 10 min, then 30 min, then never.
        foreach (var (day, minutes) in new[] { (0, (int?)10), (1, 30), (2, null) })
        {
            App.Time.SetUtcNow(T0.AddDays(day));
            await StartAsync();
            if (minutes is { } m)
            {
                App.Time.SetUtcNow(T0.AddDays(day).AddMinutes(m));
                await App.Anonymous().PostAsync($"/api/v1/communication-checks/ack/{await TokenForAsync(App, "fbi.desk@contacts.test")}", null);
            }
            App.Time.SetUtcNow(T0.AddDays(day).AddHours(2));
            await RunWatchAsync(App.Services);
        }
        var records = await (await App.As("cn.hotline").GetAsync($"{Checks}/contacts")).ReadAsync();
        var fbi = records.EnumerateArray().Single(r => r.Str("contact") == "FBI desk");
        Assert.Equal((3, 2, 0, 1), (fbi.GetProperty("pings").GetInt32(), fbi.GetProperty("onTime").GetInt32(), fbi.GetProperty("late").GetInt32(), fbi.GetProperty("never").GetInt32()));
        Assert.Equal(2.0 / 3, fbi.GetProperty("answerRate").GetDouble(), 9);
        Assert.Equal("00:20:00", fbi.Str("medianResponseTime"));
        var mss = records.EnumerateArray().Single(r => r.Str("contact") == "MSS desk");
        Assert.Equal((0.0, JsonValueKind.Null), (mss.GetProperty("answerRate").GetDouble(), mss.GetProperty("medianResponseTime").ValueKind));
        Assert.DoesNotContain(records.EnumerateArray(), r => r.Str("contact") == "NCA desk");
    }

    [Fact]
    public async Task AckLink_WorksAnonymouslyOnce_AndOnlyForItsOwnPing()
    {
        var id = (await StartAsync()).Path("check", "id").GetString();
        var token = await TokenForAsync(App, "mps.duty@contacts.test");
        var link = $"/api/v1/communication-checks/ack/{token}";

        // Opening the link (as a mail scanner would) answers nothing: it shows one button that posts.
        var page = await Browser(App.Anonymous()).GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\">", await page.Content.ReadAsStringAsync());
        Assert.Equal("pending", (await (await App.Anonymous().GetAsync(link)).ReadAsync()).Str("result"));

        App.Time.SetUtcNow(T0.AddMinutes(5));
        var click = await Browser(App.Anonymous()).PostAsync(link, null);
        Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        Assert.Contains("Thank you", await click.Content.ReadAsStringAsync());
        App.Time.SetUtcNow(T0.AddHours(3));
        var again = await (await App.Anonymous().PostAsync(link, null)).ReadAsync();
        Assert.Equal(("on-time", T0.AddMinutes(5)), (again.Str("result"), again.GetProperty("answeredAt").GetDateTime().ToUniversalTime()));

        var pings = PingsByContact(await (await App.As("us.hotline").GetAsync($"/api/v1/communication-checks/{id}")).ReadAsync());
        Assert.Equal(["MPS duty"], pings.Where(p => p.Value.Str("result") != "pending").Select(p => p.Key));
        Assert.Equal(HttpStatusCode.NotFound, (await App.Anonymous().PostAsync($"/api/v1/communication-checks/ack/{CommunicationChecks.NewToken()}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Anonymous().GetAsync("/api/v1/communication-checks/ack/x")).StatusCode);
        // Only the hash is stored.
        Assert.False(await App.WithDbAsync(db => db.CommunicationCheckPings.AnyAsync(p => p.TokenHash == System.Text.Encoding.ASCII.GetBytes(token))));
    }

    [Fact]
    public async Task ApiAcknowledgement_ByTheContactsAgencyOnly()
    {
        var id = (await StartAsync()).Path("check", "id").GetString();
        var url = $"/api/v1/communication-checks/{id}/contacts/{App.Directory.Contacts["MSS desk"]}/acknowledge";
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("cn.officer").PostJsonAsync(url, null)).StatusCode); // MPS, not MSS
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("gb.officer").PostJsonAsync(url, null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("gb.officer").GetAsync($"/api/v1/communication-checks/{id}")).StatusCode);
        Assert.Equal("on-time", (await (await App.As("cn.mss").PostJsonAsync(url, null)).ReadAsync()).Str("result"));
    }

    [Fact]
    public async Task StartingACheck_QueuesOneEmailPerContact_WithItsOwnLink()
    {
        await StartAsync();
        var mails = await NotificationsAsync(App, "communication-check.ping");
        Assert.Equal(["dhs.desk@contacts.test", "fbi.desk@contacts.test", "fbi.duty@contacts.test", "mps.desk@contacts.test", "mps.duty@contacts.test", "mss.desk@contacts.test"],
            mails.Where(m => m.Channel == NotificationChannel.Email).Select(m => m.Recipient));
        Assert.Equal(6, mails.Select(m => AckToken(m.Body)).Distinct().Count());
        Assert.All(mails, m => Assert.Contains("http://127.0.0.1:5080/api/v1/communication-checks/ack/", m.Body));
    }

    private static string AckToken(string body) => body[(body.IndexOf("/ack/", StringComparison.Ordinal) + 5)..].Split(' ', '\n')[0];

    [Fact]
    public async Task StartAndSchedule_CheckRolesAndInput()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("us.officer").PostJsonAsync(Checks, new { answerWithin = "02:00:00" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("gb.supervisor").PostJsonAsync(Checks, new { answerWithin = "02:00:00" })).StatusCode);
        var bad = await App.As("us.admin").PostJsonAsync(Checks, new { });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["answerWithin"], (await bad.ReadAsync()).ErrorFields());
        var badSchedule = await App.As("cn.hotline").PutAsJsonAsync(Schedule, new { every = "02:00:00", answerWithin = "03:00:00" });
        Assert.Equal(["answerWithin"], (await badSchedule.ReadAsync()).ErrorFields());
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("cn.officer").PutAsJsonAsync(Schedule, new { every = "1.00:00:00", answerWithin = "02:00:00" })).StatusCode);
    }

    [Fact]
    public async Task Schedule_RunsOncePerSlot_AndOnceAfterDowntime()
    {
        var put = await App.As("us.hotline").PutAsJsonAsync(Schedule, new { every = "1.00:00:00", answerWithin = "02:00:00", nextRunAt = T0.AddHours(1) });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        App.Time.SetUtcNow(T0.AddHours(1).AddSeconds(-1));
        var idle = await RunWatchAsync(App.Services);
        Assert.Equal((0, T0.AddHours(1)), (idle.Recorded, idle.NextWatchAt));

        App.Time.SetUtcNow(T0.AddHours(1));
        Assert.Equal(1, (await RunWatchAsync(App.Services)).Recorded);
        var again = await RunWatchAsync(App.Services);
        Assert.Equal((0, T0.AddHours(3)), (again.Recorded, again.NextWatchAt));
        Assert.Equal([T0.AddHours(1)], await StartsAsync());

        // Down from T0+1h until three more slots have passed: one check now, the next slot keeps the phase.
        App.Time.SetUtcNow(T0.AddDays(3).AddHours(5));
        var caughtUp = await RunWatchAsync(App.Services);
        Assert.Equal(1 + 6, caughtUp.Recorded); // one check started, six pings of the first marked Never
        Assert.Equal([T0.AddHours(1), T0.AddDays(3).AddHours(5)], await StartsAsync());
        var schedule = await (await App.As("cn.overseer").GetAsync(Schedule)).ReadAsync();
        Assert.Equal(T0.AddDays(4).AddHours(1), schedule.GetProperty("nextRunAt").GetDateTime().ToUniversalTime());
        Assert.Equal(T0.AddDays(3).AddHours(7), (await RunWatchAsync(App.Services)).NextWatchAt);
    }

    [Fact]
    public async Task Schedule_TwoWatchersAtOnce_StartOneCheckPerSlot()
    {
        await App.As("us.hotline").PutAsJsonAsync(Schedule, new { every = "1.00:00:00", answerWithin = "02:00:00", nextRunAt = T0.AddHours(1) });
        App.Time.SetUtcNow(T0.AddHours(1));
        var others = Enumerable.Range(0, 2).Select(_ => OtherProcess(App)).ToList();
        for (var round = 0; round < 3; round++)
            await Task.WhenAll(others.Select(o => Task.Run(() => RunWatchAsync(o))));
        Assert.Equal([T0.AddHours(1)], await StartsAsync());
        Assert.Equal(6, (await NotificationsAsync(App, "communication-check.ping")).Count);
        foreach (var o in others) await o.DisposeAsync();
    }

    protected Task<List<DateTime>> StartsAsync() =>
        App.WithDbAsync(db => db.CommunicationChecks.OrderBy(c => c.StartedAt).Select(c => c.StartedAt).ToListAsync());
}

public sealed class CommunicationCheckOnSqlite() : CommunicationCheckTests(DatabaseKind.Sqlite);

public sealed class CommunicationCheckOnPostgres() : CommunicationCheckTests(DatabaseKind.Postgres);
