using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Parley.Data;
using Parley.Identity;

namespace Parley.Notifications;

/// POST /api/v1/webhooks/{id}/test: queues a "webhook.ping" to that one webhook, whatever its event filter.
public static class WebhookPing
{
    public const string EventType = "webhook.ping";

    public static async Task<Results<Accepted<NotificationDto>, NotFound>> QueueAsync(
        Guid id, ClaimsPrincipal user, ParleyDbContext db, TimeProvider time, NotificationSignal signal, CancellationToken ct)
    {
        var actor = Actor.From(user);
        var hook = await WebhooksApi.FindAsync(db, id, actor, ct);
        if (hook is null) return TypedResults.NotFound();
        var now = time.GetUtcNow().UtcDateTime;
        var notificationId = Guid.CreateVersion7(now);
        var e = new NotificationEvent(EventType, $"ping:{notificationId}", "Parley webhook test",
            $"A test delivery requested by {actor.UserName}.", [hook.AgencyId], Roles.None, new { webhookId = hook.Id });
        var notification = new Notification
        {
            Id = notificationId, IdempotencyKey = $"{e.Key}|{NotificationChannel.Webhook}|{hook.Id}", EventType = EventType,
            Channel = NotificationChannel.Webhook, Recipient = hook.Url, WebhookId = hook.Id, AgencyId = hook.AgencyId,
            Subject = NotificationOutbox.FitSubject(e.Subject), Body = NotificationOutbox.Payload(e, now), CreatedAt = now, Status = NotificationStatus.Pending, NextAttemptAt = now,
        };
        db.Notifications.Add(notification);
        await db.SaveChangesAsync(ct);
        signal.Poke();
        return TypedResults.Accepted($"/api/v1/notifications/{notification.Id}", NotificationMapping.ToDto(notification));
    }
}
