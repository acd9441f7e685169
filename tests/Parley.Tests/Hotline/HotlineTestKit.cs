using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Escalation;
using Parley.Hotline;
using Parley.Notifications;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Hotline;

public static partial class HotlineTestKit
{
    public const string Checks = "/api/v1/mechanisms/US-CN/communication-checks";
    public const string Schedule = "/api/v1/mechanisms/US-CN/communication-check-schedule";
    public const string Sessions = "/api/v1/hotline/sessions";

    public static async Task<WatchPassResult> RunWatchAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CommunicationCheckWatch>().RunOnceAsync(default);
    }

    /// A second server process on the same database, with only what the watch pass needs.
    public static ServiceProvider OtherProcess(TestApp app) => new ServiceCollection().AddLogging()
        .AddParleyDatabase(app.Services.GetRequiredService<StorageOptions>())
        .AddSingleton<TimeProvider>(app.Time).AddOptions().Configure<HotlineOptions>(_ => { })
        .AddScoped<CommunicationCheckWatch>().BuildServiceProvider();

    public static Task<List<Notification>> NotificationsAsync(TestApp app, string eventType) =>
        app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.EventType == eventType).OrderBy(n => n.Recipient).ToListAsync());

    [GeneratedRegex(@"/api/v1/communication-checks/ack/([A-Za-z0-9_-]+)")]
    private static partial Regex AckLink();

    /// The acknowledgement token of the latest check e-mailed to an address, read from the queued e-mail.
    public static async Task<string> TokenForAsync(TestApp app, string email)
    {
        var mail = (await NotificationsAsync(app, "communication-check.ping"))
            .Where(n => n.Channel == NotificationChannel.Email && n.Recipient == email).OrderBy(n => n.CreatedAt).Last();
        return AckLink().Match(mail.Body).Groups[1].Value;
    }

    public static HttpClient Browser(HttpClient client)
    {
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return client;
    }

    public static async Task<Guid> InsertEscalationAsync(TestApp app, string requestId, string reason = "Answer received but unusable")
    {
        var id = Guid.NewGuid();
        await app.WithDbAsync(async db =>
        {
            var request = await db.Requests.SingleAsync(r => r.Id == Guid.Parse(requestId));
            var now = app.Time.GetUtcNow().UtcDateTime;
            db.Escalations.Add(new Parley.Escalation.Escalation
            {
                Id = id, MechanismId = request.MechanismId, RequestId = request.Id, Cause = EscalationCause.Manual, Reason = reason,
                RaisedByUserId = app.Directory.Users["us.supervisor"], RaisedByAgencyId = request.FromAgencyId, RaisedBySide = Parley.Requests.Side.Requesting,
                Status = EscalationStatus.Open, Level = 3, RaisedAt = now, LevelReachedAt = now,
            });
            return await db.SaveChangesAsync();
        });
        return id;
    }
}
