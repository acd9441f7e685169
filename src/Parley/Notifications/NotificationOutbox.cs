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
    /// Poke <see cref="NotificationSignal"/> after that SaveChanges to have them sent at once (optional: the
    /// sender also polls).
    public static async Task EnqueueAsync(ParleyDbContext db, NotificationEvent e, DateTime now, CancellationToken ct)
    {
        var agencyIds = e.AgencyIds.ToList();
        var roles = (int)e.Roles;
        var users = e.Roles == Roles.None
            ? []
            : (await db.Users.Where(u => agencyIds.Contains(u.AgencyId) && u.Email != null)
                .Select(u => new { u.Email, u.AgencyId, Roles = (int)u.Roles }).ToListAsync(ct))
                .Where(u => (u.Roles & roles) != 0).Select(u => (Address: u.Email!.Trim(), Agency: (Guid?)u.AgencyId)).ToList();
        var extra = (e.Addresses ?? []).Select(a => a.Trim()).Where(a => a.Length > 0).ToList();
        var contactAgencies = extra.Count == 0
            ? new Dictionary<string, Guid>()
            : (await db.PointsOfContact.Where(c => agencyIds.Contains(c.AgencyId) && c.Email != null).Select(c => new { c.Email, c.AgencyId }).ToListAsync(ct))
                .DistinctBy(c => c.Email!.Trim(), StringComparer.OrdinalIgnoreCase)
                .ToDictionary(c => c.Email!.Trim(), c => c.AgencyId, StringComparer.OrdinalIgnoreCase);
        Guid? onlyAgency = agencyIds.Count == 1 ? agencyIds[0] : null;
        var recipients = users
            .Concat(extra.Select(a => (Address: a, Agency: contactAgencies.TryGetValue(a, out var id) ? id : onlyAgency)))
            .Where(r => r.Address.Length > 0)
            .DistinctBy(r => r.Address, StringComparer.OrdinalIgnoreCase)
            .OrderBy(r => r.Address, StringComparer.OrdinalIgnoreCase);
        var messages = recipients.Select(r => New(e, now, NotificationChannel.Email, r.Address, null, r.Agency, e.Text)).ToList();

        var hooks = await db.Set<Webhook>().Where(w => w.Active && agencyIds.Contains(w.AgencyId)).ToListAsync(ct);
        var payload = Payload(e, now);
        messages.AddRange(hooks.Where(h => Wants(h, e.EventType)).OrderBy(h => h.Id)
            .Select(h => New(e, now, NotificationChannel.Webhook, h.Url, h.Id, h.AgencyId, payload)));

        // The same cause queued before (or twice in this unit of work) is not queued again; the unique index is the last guard.
        var keys = messages.Select(m => m.IdempotencyKey).ToList();
        var stored = await db.Set<Notification>().Where(n => keys.Contains(n.IdempotencyKey)).Select(n => n.IdempotencyKey).ToListAsync(ct);
        var seen = stored.Concat(db.ChangeTracker.Entries<Notification>().Select(x => x.Entity.IdempotencyKey)).ToHashSet();
        foreach (var message in messages)
            if (seen.Add(message.IdempotencyKey)) db.Set<Notification>().Add(message);
    }

    /// The webhook body: { type, key, subject, text, occurredAt, data }.
    internal static string Payload(NotificationEvent e, DateTime now) =>
        JsonSerializer.Serialize(new { type = e.EventType, key = e.Key, subject = e.Subject, text = e.Text, occurredAt = now, data = e.Data }, Json);

    internal static bool Wants(Webhook hook, string eventType) =>
        hook.Events.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(p => p == "*" || p == eventType || (p.EndsWith(".*") && eventType.StartsWith(p[..^1], StringComparison.Ordinal)));

    private static Notification New(NotificationEvent e, DateTime now, NotificationChannel channel, string recipient, Guid? webhookId, Guid? agencyId, string body) => new()
    {
        Id = Guid.CreateVersion7(now), IdempotencyKey = $"{e.Key}|{channel}|{webhookId?.ToString() ?? recipient.ToLowerInvariant()}",
        EventType = e.EventType, Channel = channel, Recipient = recipient, WebhookId = webhookId, AgencyId = agencyId,
        Subject = FitSubject(e.Subject), Body = body, CreatedAt = now, Status = NotificationStatus.Pending, NextAttemptAt = now,
    };

    /// The subject column holds 500 characters; a subject built around a user's long text (a hotline session's
    /// subject may itself be 500) is cut short rather than failing the change it announces.
    internal static string FitSubject(string subject) =>
        subject.Length <= Notification.MaxSubject ? subject : subject[..(Notification.MaxSubject - 1)] + "…";
}
