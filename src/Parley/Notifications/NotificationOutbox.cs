using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Identity;

namespace Parley.Notifications;

/// Something people must be told about. Callers describe who (agencies and roles, or explicit addresses)
/// and what; the outbox turns it into one e-mail per address and one call per matching webhook.
public sealed record NotificationEvent(
    string EventType,
    /// Stable for the cause (e.g. "escalation:{id}:level:2"); the same key never queues twice.
    string Key,
    string Subject,
    string Text,
    /// Agencies whose users holding Roles are told (by e-mail) and whose webhooks are called.
    IReadOnlyCollection<Guid> AgencyIds,
    Roles Roles,
    /// Structured data for webhooks (serialised as the payload's "data").
    object? Data = null,
    /// Extra e-mail addresses (e.g. points of contact).
    IReadOnlyCollection<string>? Addresses = null);

public static class NotificationOutbox
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// Adds the notification rows to the context; the caller's SaveChanges writes them with its own change.
    public static async Task EnqueueAsync(ParleyDbContext db, NotificationEvent e, DateTime now, CancellationToken ct)
    {
        var agencyIds = e.AgencyIds.ToList();
        var roles = (int)e.Roles;
        var userEmails = e.Roles == Roles.None
            ? []
            : (await db.Users.Where(u => agencyIds.Contains(u.AgencyId) && u.Email != null)
                .Select(u => new { u.Email, Roles = (int)u.Roles }).ToListAsync(ct))
                .Where(u => (u.Roles & roles) != 0).Select(u => u.Email!).ToList();
        var addresses = userEmails.Concat(e.Addresses ?? []).Select(a => a.Trim()).Where(a => a.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase);
        var messages = addresses.Select(a => New(e, now, NotificationChannel.Email, a, null, e.Text)).ToList();

        var hooks = await db.Set<Webhook>().Where(w => w.Active && agencyIds.Contains(w.AgencyId)).ToListAsync(ct);
        var payload = JsonSerializer.Serialize(new { type = e.EventType, key = e.Key, subject = e.Subject, text = e.Text, occurredAt = now, data = e.Data }, Json);
        messages.AddRange(hooks.Where(h => Wants(h, e.EventType)).OrderBy(h => h.Id).Select(h => New(e, now, NotificationChannel.Webhook, h.Url, h.Id, payload)));

        // The same cause queued before (or twice in this unit of work) is not queued again; the unique index is the last guard.
        var keys = messages.Select(m => m.IdempotencyKey).ToList();
        var stored = await db.Set<Notification>().Where(n => keys.Contains(n.IdempotencyKey)).Select(n => n.IdempotencyKey).ToListAsync(ct);
        var seen = stored.Concat(db.ChangeTracker.Entries<Notification>().Select(x => x.Entity.IdempotencyKey)).ToHashSet();
        foreach (var message in messages)
            if (seen.Add(message.IdempotencyKey)) db.Set<Notification>().Add(message);
    }

    private static bool Wants(Webhook hook, string eventType) =>
        hook.Events.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(p => p == "*" || p == eventType || (p.EndsWith(".*") && eventType.StartsWith(p[..^1], StringComparison.Ordinal)));

    private static Notification New(NotificationEvent e, DateTime now, NotificationChannel channel, string recipient, Guid? webhookId, string body) => new()
    {
        Id = Guid.CreateVersion7(now), IdempotencyKey = $"{e.Key}|{channel}|{webhookId?.ToString() ?? recipient.ToLowerInvariant()}",
        EventType = e.EventType, Channel = channel, Recipient = recipient, WebhookId = webhookId, Subject = e.Subject, Body = body,
        CreatedAt = now, Status = NotificationStatus.Pending, NextAttemptAt = now,
    };
}
