using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Escalation;
using Parley.Notifications;
using Parley.Requests;
using Parley.Tests.Infrastructure;
using Parley.Tests.Requests;

namespace Parley.Tests.Escalation;

/// The ladder on a controlled clock. An urgent request (calendar clock) submitted at T0 = Mon 2 March 14:00Z by
/// FBI to CN misses its acknowledgement at T0+4h; the US-CN ladder gives level 1 (desk) 2h, level 2
/// (agency supervisor) 4h, level 3 (hotline co-chairs) 8h: climbs at T0+6h and T0+10h, exhausted at T0+18h.
public abstract class EscalationWatchTests(DatabaseKind kind) : AppTest(kind)
{
    protected static readonly DateTime T0 = TestApp.DefaultStart.UtcDateTime;

    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Services.Configure<DeadlineWatcherOptions>(o => o.Enabled = false);

    /// Every watch pass once, in the watcher's order (deadline alerts, then escalations).
    protected Task<int> RunPassesAsync() => Watchers.RunPassesAsync(App.Services);

    protected Task<List<Parley.Escalation.Escalation>> EscalationsAsync() =>
        App.WithDbAsync(db => db.Escalations.Include(e => e.Steps).OrderBy(e => e.RaisedAt).ToListAsync());

    private static IEnumerable<(EscalationStepKind, int, DateTime)> StepsOf(Parley.Escalation.Escalation e) =>
        e.Steps.OrderBy(s => s.At).Select(s => (s.Kind, s.Level, s.At));

    [Fact]
    public async Task Unacknowledged_ClimbsAtTheExactInstants_AndStaysAtTheTop()
    {
        await RequestBodies.SubmitAsync(App, "urgent");
        App.Time.SetUtcNow(T0.AddHours(4));
        await RunPassesAsync();
        var escalation = Assert.Single(await EscalationsAsync());
        Assert.Equal((1, T0.AddHours(4), T0.AddHours(6), EscalationCause.MissedDeadline), (escalation.Level, escalation.RaisedAt, escalation.AcknowledgeDueAt!.Value, escalation.Cause));

        foreach (var (at, level) in new[] { (T0.AddHours(6), 2), (T0.AddHours(10), 3) })
        {
            App.Time.SetUtcNow(at.AddSeconds(-1));
            await RunPassesAsync();
            Assert.Equal(level - 1, (await EscalationsAsync()).Single().Level);
            App.Time.SetUtcNow(at);
            await RunPassesAsync();
            var climbed = (await EscalationsAsync()).Single();
            Assert.Equal((level, at), (climbed.Level, climbed.LevelReachedAt));
        }

        App.Time.SetUtcNow(T0.AddHours(18));
        await RunPassesAsync();
        App.Time.SetUtcNow(T0.AddDays(2));
        await RunPassesAsync();
        escalation = (await EscalationsAsync()).Single();
        Assert.Equal((3, EscalationStatus.Open, true), (escalation.Level, escalation.Status, escalation.IsExhausted));
        Assert.Equal(
            [(EscalationStepKind.Raised, 1, T0.AddHours(4)), (EscalationStepKind.Climbed, 2, T0.AddHours(6)),
             (EscalationStepKind.Climbed, 3, T0.AddHours(10)), (EscalationStepKind.Exhausted, 3, T0.AddHours(18))],
            StepsOf(escalation));
    }

    [Fact]
    public async Task Acknowledged_StopsClimbing()
    {
        await RequestBodies.SubmitAsync(App, "urgent");
        App.Time.SetUtcNow(T0.AddHours(6));
        await RunPassesAsync();
        var id = (await EscalationsAsync()).Single().Id;
        App.Time.SetUtcNow(T0.AddHours(7));
        // Level 2 (agency supervisor): the desk can no longer acknowledge it, the requesting side never can.
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("cn.officer").PostJsonAsync($"/api/v1/escalations/{id}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("us.supervisor").PostJsonAsync($"/api/v1/escalations/{id}/acknowledge", null)).StatusCode);
        var ack = await App.As("cn.supervisor").PostJsonAsync($"/api/v1/escalations/{id}/acknowledge", new { note = "Looking into it with MPS cyber division." });
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal("03:00:00", (await ack.ReadAsync()).Str("timeToAcknowledge"));

        App.Time.SetUtcNow(T0.AddDays(3));
        await RunPassesAsync();
        var escalations = await EscalationsAsync();
        var escalation = escalations.Single(e => e.Id == id);
        Assert.Equal((2, EscalationStatus.Acknowledged, T0.AddHours(7)), (escalation.Level, escalation.Status, escalation.AcknowledgedAt!.Value));
        Assert.Equal([EscalationStepKind.Raised, EscalationStepKind.Climbed, EscalationStepKind.Acknowledged], StepsOf(escalation).Select(s => s.Item1));
        Assert.Equal(HttpStatusCode.Conflict, (await App.As("cn.hotline").PostJsonAsync($"/api/v1/escalations/{id}/acknowledge", null)).StatusCode);
        // Acknowledged is no longer open: the first answer missed at T0+24h is a new problem and starts a new escalation.
        var next = Assert.Single(escalations, e => e.Id != id);
        Assert.Equal((DeadlineKind.FirstAnswer, T0.AddHours(24)), (next.Deadline!.Value, next.RaisedAt));
    }

    [Fact]
    public async Task AfterDowntime_ClimbsThroughThePassedLevels_EachAtItsInstant_Once()
    {
        await RequestBodies.SubmitAsync(App, "urgent");
        App.Time.SetUtcNow(T0.AddDays(4));
        await RunPassesAsync();
        await RunPassesAsync();
        // The first-answer and final-answer deadlines were missed too, but the request's escalation is still open.
        var escalation = Assert.Single(await EscalationsAsync());
        Assert.Equal(
            [(EscalationStepKind.Raised, 1, T0.AddHours(4)), (EscalationStepKind.Climbed, 2, T0.AddHours(6)),
             (EscalationStepKind.Climbed, 3, T0.AddHours(10)), (EscalationStepKind.Exhausted, 3, T0.AddHours(18))],
            StepsOf(escalation));
        Assert.Equal(0, await RunPassesAsync());
    }

    [Fact]
    public async Task MissedDeadline_StartsExactlyOneEscalation_AcrossPassesAndRestarts()
    {
        await RequestBodies.SubmitAsync(App, "urgent");
        App.Time.SetUtcNow(T0.AddHours(5));
        await RunPassesAsync();
        await RunPassesAsync();
        await using (var other = Watchers.Build(App.Services.GetRequiredService<StorageOptions>(), App.Time))
            await Watchers.RunPassesAsync(other);
        var escalation = Assert.Single(await EscalationsAsync());
        var missed = await App.WithDbAsync(db => db.DeadlineAlerts.SingleAsync(a => a.Level == AlertLevel.Missed));
        Assert.Equal((missed.Id, DeadlineKind.Acknowledge, Side.Requesting), (escalation.AlertId!.Value, escalation.Deadline!.Value, escalation.RaisedBySide));
    }

    [Fact]
    public async Task Timeline_ShowsTheEscalationSteps_InOrder_ByParley_WithoutChangingTheStatus()
    {
        var id = await RequestBodies.SubmitAsync(App, "urgent");
        App.Time.SetUtcNow(T0.AddDays(1));
        await RunPassesAsync();
        var detail = await (await App.As("cn.officer").GetAsync($"/api/v1/requests/{id}")).ReadAsync();
        Assert.Equal("submitted", detail.Path("summary", "status").GetString());
        var events = detail.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(["drafted", "submitted", "escalation-raised", "escalation-climbed", "escalation-climbed", "escalation-exhausted"], events.Select(e => e.Str("type")));
        Assert.Equal([T0.AddHours(4), T0.AddHours(6), T0.AddHours(10), T0.AddHours(18)], events.Skip(2).Select(e => e.GetProperty("occurredAt").GetDateTime().ToUniversalTime()));
        Assert.All(events.Skip(2), e => Assert.Equal(("Parley", Guid.Empty), (e.Str("actorAgency"), e.GetProperty("actorUserId").GetGuid())));
        Assert.Contains("acknowledge deadline", events[2].Str("message"));
    }

    [Fact]
    public async Task Notifications_AreQueuedForTheRightPeople_OnceEach()
    {
        await RequestBodies.SubmitAsync(App, "urgent");
        App.Time.SetUtcNow(T0.AddHours(4));
        await RunPassesAsync();
        var cnDesk = new[] { "cn.officer", "cn.officer2", "cn.mss" };
        var cnDeadlinePeople = new[] { "cn.officer", "cn.officer2", "cn.mss", "cn.supervisor" };
        Assert.Equal(Emails(cnDeadlinePeople), await RecipientsAsync("deadline.at-risk"));
        Assert.Equal(Emails(cnDeadlinePeople), await RecipientsAsync("deadline.missed"));
        Assert.Equal(Emails(["us.officer", "us.officer2", .. cnDesk]), await RecipientsAsync("escalation.raised"));

        App.Time.SetUtcNow(T0.AddHours(6));
        await RunPassesAsync();
        Assert.Equal(Emails(["us.supervisor", "cn.supervisor"]), await RecipientsAsync("escalation.climbed"));
        App.Time.SetUtcNow(T0.AddHours(18));
        await RunPassesAsync();
        Assert.Equal(Emails(["us.supervisor", "cn.supervisor", "us.hotline", "cn.hotline"]), await RecipientsAsync("escalation.climbed"));
        Assert.Equal(Emails(["us.hotline", "cn.hotline"]), await RecipientsAsync("escalation.exhausted"));

        // Passes again, and a second server process: nothing is queued twice.
        var before = await App.WithDbAsync(db => db.Notifications.CountAsync());
        await RunPassesAsync();
        await using (var other = Watchers.Build(App.Services.GetRequiredService<StorageOptions>(), App.Time))
            await Watchers.RunPassesAsync(other);
        var all = await App.WithDbAsync(db => db.Notifications.ToListAsync());
        Assert.Equal(before, all.Count);
        Assert.Equal(all.Count, all.Select(n => (n.EventType, n.Recipient, n.Subject)).Distinct().Count());
        Assert.All(all, n => Assert.Equal((NotificationChannel.Email, NotificationStatus.Pending), (n.Channel, n.Status)));
        // Acknowledge at risk and missed, first answer at risk (T0+18h): 4 each; level 1: 5; levels 2, 3 and exhausted: 2 each.
        Assert.Equal(4 + 4 + 4 + 5 + 2 + 2 + 2, all.Count);
    }

    private static List<string> Emails(IEnumerable<string> users) => users.Select(TestDirectory.EmailOf).Order(StringComparer.Ordinal).ToList();

    private Task<List<string>> RecipientsAsync(string eventType) => App.WithDbAsync(async db =>
        (await db.Notifications.Where(n => n.EventType == eventType).Select(n => n.Recipient).ToListAsync()).Order(StringComparer.Ordinal).ToList());
}

public sealed class EscalationWatchOnSqlite() : EscalationWatchTests(DatabaseKind.Sqlite);

public sealed class EscalationWatchOnPostgres() : EscalationWatchTests(DatabaseKind.Postgres)
{
    [Fact]
    public async Task TwoWatchersOnOneDatabase_StartAndClimbEachEscalationOnce()
    {
        const int requests = 12;
        for (var i = 0; i < requests; i++) await RequestBodies.SubmitAsync(App, "urgent");
        App.Time.SetUtcNow(T0.AddDays(1));
        var storage = App.Services.GetRequiredService<StorageOptions>();
        var watchers = Enumerable.Range(0, 2).Select(_ => Watchers.Build(storage, App.Time)).ToList();
        await Task.WhenAll(watchers.Select(w => Task.Run(() => Watchers.RunPassesAsync(w))));
        await Task.WhenAll(watchers.Select(w => Task.Run(() => Watchers.RunPassesAsync(w))));

        var escalations = await EscalationsAsync();
        Assert.Equal(requests, escalations.Count);
        Assert.Equal(requests, escalations.Select(e => e.RequestId).Distinct().Count());
        Assert.All(escalations, e => Assert.Equal(
            [EscalationStepKind.Raised, EscalationStepKind.Climbed, EscalationStepKind.Climbed, EscalationStepKind.Exhausted],
            e.Steps.OrderBy(s => s.At).Select(s => s.Kind)));
        var events = await App.WithDbAsync(db => db.RequestEvents.CountAsync(e => e.Type == RequestEventType.EscalationClimbed));
        Assert.Equal(requests * 2, events);
        // Per request: 2 at-risk and 2 missed alerts to 4 people each, level 1 to 5, levels 2 and 3 to 2 each, exhausted to 2.
        Assert.Equal(requests * (16 + 5 + 2 + 2 + 2), await App.WithDbAsync(db => db.Notifications.CountAsync()));
        foreach (var w in watchers) await w.DisposeAsync();
    }
}

/// A watcher as a second server process would run it: its own services over the same database.
public static class Watchers
{
    public static ServiceProvider Build(StorageOptions storage, TimeProvider time) =>
        new ServiceCollection().AddLogging().AddParleyDatabase(storage).AddSingleton(time)
            .AddWatchPass<DeadlineWatch>().AddWatchPass<EscalationWatch>().BuildServiceProvider();

    public static async Task<int> RunPassesAsync(IServiceProvider services)
    {
        var recorded = 0;
        foreach (var type in services.GetRequiredService<WatchPasses>().Types.Where(t => t == typeof(DeadlineWatch) || t == typeof(EscalationWatch)))
        {
            await using var scope = services.CreateAsyncScope();
            recorded += (await ((IWatchPass)scope.ServiceProvider.GetRequiredService(type)).RunOnceAsync(default)).Recorded;
        }
        return recorded;
    }
}
