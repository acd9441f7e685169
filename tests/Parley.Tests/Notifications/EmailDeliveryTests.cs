using Microsoft.AspNetCore.Builder;
using MimeKit;
using Parley.Identity;
using Parley.Notifications;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Notifications;

/// E-mails from the outbox to an SMTP sink on loopback, through MailKit.
public sealed class EmailDeliveryTests() : AppTest(DatabaseKind.Sqlite), IDisposable
{
    private readonly SmtpSink _sink = new();

    protected override void Configure(WebApplicationBuilder builder) => NotificationKit.Configure(builder, _sink.Port);

    [Fact]
    public async Task QueuedEvent_SinkReceivesOneMessagePerAddress_WithSubjectBodyAndIds()
    {
        // Officers and the supervisor of the FBI, plus a point of contact; an address given twice is told once.
        await App.EnqueueAsync(NotificationKit.Event(App, roles: Roles.Officer | Roles.Supervisor, addresses: ["fbi.desk@contacts.test", "US.Officer@us.test"]));
        var result = await App.SendDueAsync();

        Assert.Equal(4, result.Attempted);
        Assert.Null(result.NextAttemptAt);
        var messages = _sink.Messages.ToList();
        Assert.Equal(
            ["fbi.desk@contacts.test", "us.officer2@us.test", "us.officer@us.test", "us.supervisor@us.test"],
            messages.SelectMany(m => m.Recipients).Order(StringComparer.Ordinal));
        var stored = await App.NotificationsAsync();
        foreach (var received in messages)
        {
            Assert.Single(received.Recipients);
            Assert.Equal("parley@parley.test", received.From);
            var mail = received.Parse();
            var notification = stored.Single(n => n.Recipient.Equals(received.Recipients[0], StringComparison.OrdinalIgnoreCase));
            Assert.Equal("Escalation: US-CN-2026-0001 reached level 1", mail.Subject);
            Assert.Equal("The acknowledgement deadline passed.\nPlease acknowledge.", mail.TextBody!.ReplaceLineEndings("\n").TrimEnd('\n'));
            Assert.Equal(notification.Id.ToString(), mail.Headers["X-Parley-Notification"]);
            Assert.Equal($"{notification.Id:N}@parley.test", mail.MessageId);
            Assert.Equal("escalation.raised", mail.Headers["X-Parley-Event"]);
            Assert.Equal(new MailboxAddress("Parley US-CN", "parley@parley.test"), mail.From.Mailboxes.Single());
        }
        Assert.All(stored, n => Assert.Equal((NotificationStatus.Sent, 1, (DateTime?)null), (n.Status, n.Attempts, n.NextAttemptAt)));
        Assert.Equal(250, (await App.AttemptsAsync(stored[0].Id)).Single().StatusCode);

        // Queued again for the same cause, or another round: nothing more is sent.
        await App.EnqueueAsync(NotificationKit.Event(App, roles: Roles.Officer | Roles.Supervisor, addresses: ["fbi.desk@contacts.test"]));
        Assert.Equal(0, (await App.SendDueAsync()).Attempted);
        Assert.Equal(4, _sink.Messages.Count);
    }

    [Fact]
    public async Task RecipientRefusedWith550_FailsAtOnce_OthersAreDelivered()
    {
        _sink.Reject.Add("us.officer2@us.test");
        await App.EnqueueAsync(NotificationKit.Event(App, roles: Roles.Officer));
        await App.SendDueAsync();

        var stored = await App.NotificationsAsync();
        var refused = stored.Single(n => n.Recipient == "us.officer2@us.test");
        Assert.Equal((NotificationStatus.Failed, 1), (refused.Status, refused.Attempts));
        Assert.Contains("550", refused.LastError);
        Assert.Equal(550, (await App.AttemptsAsync(refused.Id)).Single().StatusCode);
        Assert.Equal(NotificationStatus.Sent, stored.Single(n => n.Recipient == "us.officer@us.test").Status);
        Assert.Equal(["us.officer@us.test"], _sink.Messages.SelectMany(m => m.Recipients));
    }

    [Fact]
    public async Task MailServerDown_StaysPendingWithBackoff_ThenSentOnce()
    {
        await _sink.DisposeAsync();
        await App.EnqueueAsync(NotificationKit.Event(App, addresses: ["fbi.desk@contacts.test"]));
        var t0 = App.Time.GetUtcNow().UtcDateTime;
        Assert.Equal(t0.AddSeconds(30), (await App.SendDueAsync()).NextAttemptAt);
        var notification = (await App.NotificationsAsync()).Single();
        Assert.Equal((NotificationStatus.Pending, 1), (notification.Status, notification.Attempts));
        Assert.NotNull((await App.AttemptsAsync(notification.Id)).Single().Error);
    }

    public void Dispose() => _sink.DisposeAsync().AsTask().GetAwaiter().GetResult();
}

/// Without an SMTP host (the demo, development) e-mails become .eml files in the pickup folder.
public sealed class EmailPickupTests() : AppTest(DatabaseKind.Sqlite)
{
    private readonly string _pickup = Path.Combine(Path.GetTempPath(), "parley-tests", "mail-" + Guid.NewGuid().ToString("N"));

    protected override void Configure(WebApplicationBuilder builder) => NotificationKit.Configure(builder, smtpPort: null, pickup: _pickup);

    [Fact]
    public async Task NoSmtpHost_WritesOneEmlFilePerMessage_AndMarksThemSent()
    {
        await App.EnqueueAsync(NotificationKit.Event(App, roles: Roles.Supervisor, agencies: ["FBI", "MPS"]));
        await App.SendDueAsync();

        var stored = await App.NotificationsAsync();
        Assert.Equal(["cn.supervisor@cn.test", "us.supervisor@us.test"], stored.Select(n => n.Recipient));
        Assert.All(stored, n => Assert.Equal(NotificationStatus.Sent, n.Status));
        var files = System.IO.Directory.GetFiles(_pickup).Order().ToList();
        Assert.Equal(stored.Select(n => Path.Combine(_pickup, $"{n.Id}.eml")).Order(), files);
        var mail = await MimeMessage.LoadAsync(files[0]);
        Assert.Equal("Escalation: US-CN-2026-0001 reached level 1", mail.Subject);
        Assert.Equal(App.Directory.Agencies["MPS"], stored[0].AgencyId);
        System.IO.Directory.Delete(_pickup, recursive: true);
    }
}
