using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Parley.Data;
using Parley.Notifications;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Notifications;

/// Webhook calls to a receiver on loopback: signature, exactly-once, back-off on a fake clock, giving up, retry.
public abstract class WebhookDeliveryTests(DatabaseKind kind) : AppTest(kind)
{
    protected override void Configure(WebApplicationBuilder builder) => NotificationKit.Configure(builder);

    [Fact]
    public async Task Delivery_IsSignedOverTimestampAndBody_AndArrivesOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await App.RegisterAsync(receiver);
        await App.EnqueueAsync(NotificationKit.Event(App));
        await App.SendDueAsync();
        await App.SendDueAsync();

        var call = Assert.Single(receiver.Calls);
        Assert.True(call.SignatureValid);
        Assert.Equal("application/json", call.ContentType);
        Assert.Equal("escalation.raised", call.EventType);
        Assert.Equal(App.Time.GetUtcNow().ToUnixTimeSeconds().ToString(), call.Timestamp);
        var notification = Assert.Single(await App.NotificationsAsync());
        Assert.Equal(notification.Id.ToString(), call.DeliveryId);
        var payload = JsonDocument.Parse(call.Body).RootElement;
        Assert.Equal("escalation.raised", payload.Str("type"));
        Assert.Equal("escalation:1:level:1", payload.Str("key"));
        Assert.Equal("US-CN-2026-0001", payload.Path("data", "reference").GetString());
        Assert.Equal((NotificationStatus.Sent, 1), (notification.Status, notification.Attempts));
        Assert.Equal(204, (await App.AttemptsAsync(notification.Id)).Single().StatusCode);
    }

    [Fact]
    public async Task WrongSecret_FailsTheReceiversCheck()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await App.RegisterAsync(receiver);
        receiver.Secret = "not-the-secret-at-all";
        await App.EnqueueAsync(NotificationKit.Event(App));
        await App.SendDueAsync();
        Assert.False(Assert.Single(receiver.Calls).SignatureValid);
    }

    [Fact]
    public async Task EventFilter_OnlyMatchingTypesAreQueued()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await App.RegisterAsync(receiver, events: ["deadline.*"]);
        await App.EnqueueAsync(NotificationKit.Event(App, type: "escalation.raised", key: "a"));
        await App.EnqueueAsync(NotificationKit.Event(App, type: "deadline.missed", key: "b"));
        await App.SendDueAsync();
        Assert.Equal(["deadline.missed"], receiver.Calls.Select(c => c.EventType));
    }

    [Fact]
    public async Task ReceiverDown_RetriedAtBackoffInstants_ThenDeliveredOnce()
    {
        var port = ParleyProcess.FreePort();
        var url = $"http://127.0.0.1:{port}/hook";
        var t0 = App.Time.GetUtcNow().UtcDateTime;
        await using (var registrar = await WebhookReceiver.StartAsync())
        {
            await App.RegisterAsync(registrar, url: url);
            await App.EnqueueAsync(NotificationKit.Event(App));
            // Connection refused: nobody listens on the port yet.
            Assert.Equal(t0.AddSeconds(30), (await App.SendDueAsync()).NextAttemptAt);
            App.Time.Advance(TimeSpan.FromSeconds(29));
            Assert.Equal(0, (await App.SendDueAsync()).Attempted);
            App.Time.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(t0.AddSeconds(90), (await App.SendDueAsync()).NextAttemptAt);

            // Up, but failing.
            await using var receiver = await WebhookReceiver.StartAsync(port);
            receiver.Secret = registrar.Secret;
            receiver.FailWith = 500;
            App.Time.SetUtcNow(t0.AddSeconds(90));
            Assert.Equal(t0.AddSeconds(210), (await App.SendDueAsync()).NextAttemptAt);

            receiver.FailWith = null;
            App.Time.SetUtcNow(t0.AddSeconds(209));
            Assert.Equal(0, (await App.SendDueAsync()).Attempted);
            App.Time.SetUtcNow(t0.AddSeconds(210));
            Assert.Equal(1, (await App.SendDueAsync()).Attempted);
            App.Time.Advance(TimeSpan.FromHours(1));
            Assert.Equal(0, (await App.SendDueAsync()).Attempted);

            Assert.Equal([500, 204], receiver.Calls.Select(c => c.AnsweredWith));
            var delivered = Assert.Single(receiver.Delivered);
            Assert.True(delivered.SignatureValid);
            Assert.Equal(receiver.Calls.First().DeliveryId, delivered.DeliveryId);
        }

        var id = (await App.NotificationsAsync()).Single().Id;
        var log = await (await App.As("us.admin").GetAsync($"/api/v1/notifications/{id}")).ReadAsync();
        Assert.Equal("sent", log.Path("notification", "status").GetString());
        var attempts = log.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal([t0, t0.AddSeconds(30), t0.AddSeconds(90), t0.AddSeconds(210)], attempts.Select(a => a.GetProperty("at").GetDateTime().ToUniversalTime()));
        Assert.Equal([false, false, false, true], attempts.Select(a => a.GetProperty("succeeded").GetBoolean()));
        Assert.Equal([null, null, 500, 204], attempts.Select(a => a.GetProperty("statusCode").ValueKind == JsonValueKind.Null ? (int?)null : a.GetProperty("statusCode").GetInt32()));
        Assert.All(attempts.Take(3), a => Assert.False(string.IsNullOrEmpty(a.Str("error"))));
    }

    [Fact]
    public async Task MaxAttempts_MarksFailed_VisibleInTheLog_AndRetryDeliversIt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await App.RegisterAsync(receiver);
        receiver.FailWith = 503;
        await App.EnqueueAsync(NotificationKit.Event(App));
        for (var i = 0; i < 4; i++)
        {
            await App.SendDueAsync();
            App.Time.Advance(TimeSpan.FromMinutes(10));
        }
        Assert.Equal(0, (await App.SendDueAsync()).Attempted);
        Assert.Equal(4, receiver.Calls.Count);

        var admin = App.As("us.admin");
        var failed = await (await admin.GetAsync("/api/v1/notifications?status=failed&channel=webhook&eventType=escalation.raised")).ReadAsync();
        var row = Assert.Single(failed.EnumerateArray());
        Assert.Equal(4, row.GetProperty("attempts").GetInt32());
        Assert.Equal("HTTP 503 Service Unavailable", row.Str("lastError"));
        var id = row.Str("id");
        Assert.Equal(4, (await (await admin.GetAsync($"/api/v1/notifications/{id}")).ReadAsync()).GetProperty("attempts").GetArrayLength());
        Assert.Empty((await (await admin.GetAsync("/api/v1/notifications?status=pending")).ReadAsync()).EnumerateArray());

        receiver.FailWith = null;
        var retry = await admin.PostJsonAsync($"/api/v1/notifications/{id}/retry", null);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal("pending", (await retry.ReadAsync()).Str("status"));
        await App.SendDueAsync();
        Assert.Single(receiver.Delivered);
        var detail = await (await admin.GetAsync($"/api/v1/notifications/{id}")).ReadAsync();
        Assert.Equal("sent", detail.Path("notification", "status").GetString());
        Assert.Equal(5, detail.GetProperty("attempts").GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostJsonAsync($"/api/v1/notifications/{id}/retry", null)).StatusCode);
    }

    [Fact]
    public async Task TestEndpoint_QueuesAPing_ThatIsDelivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var hook = await App.RegisterAsync(receiver, events: ["deadline.missed"]);
        var response = await App.As("us.admin").PostJsonAsync($"/api/v1/webhooks/{hook}/test", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await App.SendDueAsync();
        var call = Assert.Single(receiver.Calls);
        Assert.Equal(("webhook.ping", true), (call.EventType, call.SignatureValid));
        Assert.Equal((await response.ReadAsync()).Str("id"), call.DeliveryId);
    }

    [Fact]
    public async Task DeletedWebhook_ItsPendingDeliveriesAreGivenUp()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var hook = await App.RegisterAsync(receiver);
        await App.EnqueueAsync(NotificationKit.Event(App));
        Assert.Equal(HttpStatusCode.NoContent, (await App.As("us.admin").DeleteAsync($"/api/v1/webhooks/{hook}")).StatusCode);
        await App.SendDueAsync();
        Assert.Empty(receiver.Calls);
        Assert.Equal(NotificationStatus.Failed, (await App.NotificationsAsync()).Single().Status);
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("us.admin").PostJsonAsync($"/api/v1/webhooks/{hook}/test", null)).StatusCode);
        await App.EnqueueAsync(NotificationKit.Event(App, key: "another"));
        Assert.Single(await App.NotificationsAsync());
    }
}

public sealed class WebhookDeliveryOnSqlite() : WebhookDeliveryTests(DatabaseKind.Sqlite);

public sealed class WebhookDeliveryOnPostgres() : WebhookDeliveryTests(DatabaseKind.Postgres)
{
    [Fact]
    public async Task TwoSendersOnOneDatabase_SendEachNotificationOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await App.RegisterAsync(receiver);
        for (var i = 0; i < 40; i++) await App.EnqueueAsync(NotificationKit.Event(App, key: $"cause-{i}"));

        var storage = App.Services.GetRequiredService<StorageOptions>();
        var senders = Enumerable.Range(0, 2).Select(_ => NotificationKit.Configure(new ServiceCollection()
                .AddLogging().AddSingleton<IConfiguration>(new ConfigurationBuilder().Build()).AddParleyDatabase(storage)
                .AddSingleton<TimeProvider>(App.Time).AddNotifications())
            .Configure<NotificationSenderOptions>(o => (o.BatchSize, o.Parallelism) = (3, 2))
            .BuildServiceProvider()).ToList();
        var rounds = await Task.WhenAll(senders.Select(s => Task.Run(() => s.GetRequiredService<NotificationDispatcher>().RunOnceAsync(default))));

        Assert.Equal(40, rounds.Sum(r => r.Attempted));
        Assert.Equal(40, receiver.Calls.Count);
        Assert.Equal(40, receiver.Calls.Select(c => c.DeliveryId).Distinct().Count());
        Assert.All(await App.NotificationsAsync(), n => Assert.Equal((NotificationStatus.Sent, 1), (n.Status, n.Attempts)));
        Assert.Equal(40, await App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.NotificationAttempts)));
        foreach (var s in senders) await s.DisposeAsync();
    }
}
