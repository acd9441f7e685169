using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Escalation;
using Parley.Requests;
using Parley.Tests.Infrastructure;
using Parley.Tests.Requests;

namespace Parley.Tests.Escalation;

/// The watcher on a controlled clock. Urgent requests (calendar clock) submitted at T0 = Mon 2 March 14:00Z:
/// acknowledge due T0+4h, at risk at 75% = T0+3h; first answer due T0+24h (at risk T0+18h); final T0+72h (T0+54h).
public abstract class DeadlineWatchTests(DatabaseKind kind) : AppTest(kind)
{
    private static readonly DateTime T0 = TestApp.DefaultStart.UtcDateTime;

    // These tests run the passes themselves; the hosted watcher would race them for the same alerts.
    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Services.Configure<DeadlineWatcherOptions>(o => o.Enabled = false);

    private async Task<WatchPassResult> RunOnceAsync(IServiceProvider? services = null)
    {
        await using var scope = (services ?? App.Services).CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeadlineWatch>().RunOnceAsync(default);
    }

    private Task<List<DeadlineAlert>> AlertsAsync() =>
        App.WithDbAsync(db => db.DeadlineAlerts.OrderBy(a => a.FellAt).ThenBy(a => a.Deadline).ToListAsync());

    private static IEnumerable<(DeadlineKind, AlertLevel, DateTime)> Causes(IEnumerable<DeadlineAlert> alerts) =>
        alerts.Select(a => (a.Deadline, a.Level, a.FellAt));

    [Fact]
    public async Task AtRiskAndMissed_FireAtTheExactInstants()
    {
        await RequestBodies.SubmitAsync(App, "urgent");
        App.Time.SetUtcNow(T0.AddHours(3).AddSeconds(-1));
        Assert.Equal(0, (await RunOnceAsync()).Recorded);

        App.Time.SetUtcNow(T0.AddHours(3));
        var pass = await RunOnceAsync();
        Assert.Equal(1, pass.Recorded);
        Assert.Equal(T0.AddHours(4), pass.NextWatchAt);
        Assert.Equal([(DeadlineKind.Acknowledge, AlertLevel.AtRisk, T0.AddHours(3))], Causes(await AlertsAsync()));

        App.Time.SetUtcNow(T0.AddHours(4));
        Assert.Equal(1, (await RunOnceAsync()).Recorded);
        var missed = (await AlertsAsync()).Single(a => a.Level == AlertLevel.Missed);
        Assert.Equal((DeadlineKind.Acknowledge, T0.AddHours(4), T0.AddHours(4)), (missed.Deadline, missed.DueAt, missed.RecordedAt));
        Assert.Equal(T0.AddHours(18), (await RunOnceAsync()).NextWatchAt);
    }

    [Fact]
    public async Task MetDeadline_NeverGoesMissed_AndAcknowledgingStopsItsWatch()
    {
        var id = await RequestBodies.SubmitAsync(App, "urgent");
        App.Time.SetUtcNow(T0.AddHours(2));
        await App.As("cn.officer").PostJsonAsync($"/api/v1/requests/{id}/acknowledge", null);
        App.Time.SetUtcNow(T0.AddHours(17));
        await RunOnceAsync();
        Assert.Empty(await AlertsAsync());
    }

    [Fact]
    public async Task Downtime_IsCaughtUp_EveryCauseOnce_InOrder()
    {
        await RequestBodies.SubmitAsync(App, "urgent");
        await RequestBodies.SubmitAsync(App, "urgent");
        App.Time.SetUtcNow(T0.AddDays(5));
        var pass = await RunOnceAsync();

        Assert.Equal(12, pass.Recorded);
        Assert.Null(pass.NextWatchAt);
        var alerts = await AlertsAsync();
        Assert.Equal(
            new[] { (DeadlineKind.Acknowledge, AlertLevel.AtRisk, T0.AddHours(3)), (DeadlineKind.Acknowledge, AlertLevel.Missed, T0.AddHours(4)),
                    (DeadlineKind.FirstAnswer, AlertLevel.AtRisk, T0.AddHours(18)), (DeadlineKind.FirstAnswer, AlertLevel.Missed, T0.AddHours(24)),
                    (DeadlineKind.FinalAnswer, AlertLevel.AtRisk, T0.AddHours(54)), (DeadlineKind.FinalAnswer, AlertLevel.Missed, T0.AddHours(72)) }
                .SelectMany(c => new[] { c, c }),
            Causes(alerts));
        Assert.All(alerts, a => Assert.Equal(T0.AddDays(5), a.RecordedAt));
        Assert.Equal(0, (await RunOnceAsync()).Recorded);
    }

    [Fact]
    public async Task Restart_RecordsNothingTwice_EvenWhenATransitionRearmsTheWatch()
    {
        var id = await RequestBodies.SubmitAsync(App, "urgent");
        App.Time.SetUtcNow(T0.AddHours(5));
        Assert.Equal(2, (await RunOnceAsync()).Recorded);
        // Acknowledging late rewrites the deadlines (and their watch instants) from the events.
        await App.As("cn.officer").PostJsonAsync($"/api/v1/requests/{id}/acknowledge", null);
        Assert.Equal(0, (await RunOnceAsync()).Recorded);

        // A second server process on the same database, as after a restart.
        var storage = App.Services.GetRequiredService<StorageOptions>();
        await using var other = new ServiceCollection().AddLogging().AddParleyDatabase(storage)
            .AddSingleton<TimeProvider>(App.Time).AddScoped<DeadlineWatch>().BuildServiceProvider();
        Assert.Equal(0, (await RunOnceAsync(other)).Recorded);
        Assert.Equal(2, (await AlertsAsync()).Count);
    }

    [Fact]
    public async Task ClarificationPause_MovesTheDeadline_ANewDueIsANewCause()
    {
        var id = await RequestBodies.SubmitAsync(App, "urgent");
        App.Time.SetUtcNow(T0.AddHours(1));
        await App.As("cn.officer").PostJsonAsync($"/api/v1/requests/{id}/acknowledge", null);
        App.Time.SetUtcNow(T0.AddHours(19));
        Assert.Equal(1, (await RunOnceAsync()).Recorded); // first answer at risk at T0+18h
        await App.As("cn.officer").PostJsonAsync($"/api/v1/requests/{id}/request-clarification", new { message = "Which host?" });
        App.Time.SetUtcNow(T0.AddHours(40));
        Assert.Equal(0, (await RunOnceAsync()).Recorded); // the clock is stopped: nothing to watch
        await App.As("us.officer").PostJsonAsync($"/api/v1/requests/{id}/clarify", new { message = "10.1.2.3" });
        // 19h used before the pause, 5h left from T0+40h → due T0+45h; its at-risk instant has passed.
        App.Time.SetUtcNow(T0.AddHours(45));
        Assert.Equal(2, (await RunOnceAsync()).Recorded);
        var first = (await AlertsAsync()).Where(a => a.Deadline == DeadlineKind.FirstAnswer).ToList();
        Assert.Equal([(AlertLevel.AtRisk, T0.AddHours(24)), (AlertLevel.AtRisk, T0.AddHours(45)), (AlertLevel.Missed, T0.AddHours(45))],
            first.Select(a => (a.Level, a.DueAt)).OrderBy(x => x.Item2).ThenBy(x => x.Item1));
    }
}

public sealed class DeadlineWatchOnSqlite() : DeadlineWatchTests(DatabaseKind.Sqlite);

public sealed class DeadlineWatchOnPostgres() : DeadlineWatchTests(DatabaseKind.Postgres)
{
    [Fact]
    public async Task TwoWatchersOnOneDatabase_RecordEachAlertOnce()
    {
        for (var i = 0; i < 20; i++) await RequestBodies.SubmitAsync(App, "urgent");
        App.Time.SetUtcNow(TestApp.DefaultStart.UtcDateTime.AddDays(4));
        var storage = App.Services.GetRequiredService<StorageOptions>();
        var watchers = Enumerable.Range(0, 2).Select(_ => new ServiceCollection().AddLogging().AddParleyDatabase(storage)
            .AddSingleton<TimeProvider>(App.Time).AddScoped<DeadlineWatch>().BuildServiceProvider()).ToList();
        var passes = await Task.WhenAll(watchers.Select(w => Task.Run(async () =>
        {
            await using var scope = w.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<DeadlineWatch>().RunOnceAsync(default);
        })));
        Assert.Equal(20 * 6, passes.Sum(p => p.Recorded));
        Assert.Equal(20 * 6, await App.WithDbAsync(db => db.DeadlineAlerts.CountAsync()));
        foreach (var w in watchers) await w.DisposeAsync();
    }
}

/// The hosted service itself, with nobody calling it: it sleeps until the next deadline instant.
public sealed class DeadlineWatcherServiceTests() : AppTest(DatabaseKind.Sqlite)
{
    private static readonly DateTime T0 = TestApp.DefaultStart.UtcDateTime;

    private Task<List<DeadlineAlert>> AlertsAsync() => App.WithDbAsync(db => db.DeadlineAlerts.ToListAsync());

    [Fact]
    public async Task HostedWatcher_WakesForTheNextDeadlineByItself()
    {
        await RequestBodies.SubmitAsync(App, "urgent");
        App.Time.SetUtcNow(T0.AddHours(4).AddMinutes(1));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await AlertsAsync()).Count < 2 && DateTime.UtcNow < deadline)
        {
            App.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }
        Assert.Equal(2, (await AlertsAsync()).Count);
    }
}
