using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Parley.Notifications;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Notifications;

/// The hosted sender with nobody calling it: a poke after queueing has the notification sent at once.
public sealed class NotificationSenderServiceTests() : AppTest(DatabaseKind.Sqlite)
{
    protected override void Configure(WebApplicationBuilder builder)
    {
        NotificationKit.Configure(builder);
        builder.Services.Configure<NotificationSenderOptions>(o => o.Enabled = true);
    }

    [Fact]
    public async Task HostedSender_SendsAPokedPing_ByItself()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var hook = await App.RegisterAsync(receiver);
        Assert.Equal(HttpStatusCode.Accepted, (await App.As("us.admin").PostJsonAsync($"/api/v1/webhooks/{hook}/test", null)).StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (receiver.Calls.IsEmpty && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.True(Assert.Single(receiver.Calls).SignatureValid);
    }
}

/// The real `parley serve` process, killed with SIGKILL between queueing and sending.
public sealed class NotificationDurabilityTests
{
    [Fact]
    public async Task KilledBeforeSending_RestartDeliversEveryQueuedNotificationExactlyOnce()
    {
        var file = TestDatabase.NewSqlitePath();
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var mail = Path.Combine(Path.GetTempPath(), "parley-tests", "mail-" + Guid.NewGuid().ToString("N"));
        var port = ParleyProcess.FreePort();
        var queued = new List<string>();
        string secret;

        var (exit, _, error) = await ParleyProcess.RunAsync("user", "add", "--user", "admin", "--party", "US", "--agency", "FBI",
            "--role", "administrator", "--create", "--time-zone", "America/New_York", "--db", file);
        Assert.True(exit == 0, error);

        // First life: the sender is off (as if the process died before its first round) and the receiver is down.
        await using (var server = await ParleyProcess.ServeAsync("--db", file, "--NotificationSenderOptions:Enabled=false", $"--Smtp:PickupDirectory={mail}"))
        {
            using var admin = await ClientAsync(server, file);
            var created = await admin.PostJsonAsync("/api/v1/webhooks", new { url = $"http://127.0.0.1:{port}/hook", events = new[] { WebhookPing.EventType } });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var hook = await created.ReadAsync();
            secret = hook.Str("secret");
            var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => admin.PostJsonAsync($"/api/v1/webhooks/{hook.Str("id")}/test", null)));
            server.Kill();
            foreach (var response in responses)
            {
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                queued.Add((await response.ReadAsync()).Str("id"));
            }
        }

        await using var receiver = await WebhookReceiver.StartAsync(port);
        receiver.Secret = secret;
        await using (var restarted = await ParleyProcess.ServeAsync("--db", file, $"--Smtp:PickupDirectory={mail}", "--NotificationSenderOptions:MaxSleep=00:00:00.500"))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (receiver.Calls.Count < queued.Count && DateTime.UtcNow < deadline) await Task.Delay(100);
            await Task.Delay(1500); // time for a duplicate to show up, if there were one
            Assert.True(receiver.Calls.Count == queued.Count, $"{receiver.Calls.Count} calls for {queued.Count} queued:\n{restarted.Output}");
            Assert.Equal(queued.Order(), receiver.Calls.Select(c => c.DeliveryId).Order());
            Assert.All(receiver.Calls, c => Assert.True(c.SignatureValid));

            using var admin = await ClientAsync(restarted, file);
            var sent = await (await admin.GetAsync("/api/v1/notifications?eventType=webhook.ping&status=sent")).ReadAsync();
            Assert.Equal(queued.Count, sent.GetArrayLength());
        }
        if (System.IO.Directory.Exists(mail)) System.IO.Directory.Delete(mail, recursive: true);
    }

    private static async Task<HttpClient> ClientAsync(ParleyProcess server, string file)
    {
        var (exit, token, error) = await ParleyProcess.RunAsync("token", "create", "--user", "admin", "--db", file);
        Assert.True(exit == 0, error);
        var client = new HttpClient { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
        return client;
    }
}
