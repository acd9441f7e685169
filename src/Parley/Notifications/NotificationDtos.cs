using System.ComponentModel.DataAnnotations;

namespace Parley.Notifications;

public sealed record WebhookInput(
    [property: Required, MaxLength(2000)] string? Url,
    /// Leave out to have one generated; either way it is shown only in the response to this call.
    [property: MinLength(16), MaxLength(200)] string? Secret = null,
    /// Event types to receive: exact ("escalation.raised"), prefix ("escalation.*") or "*" (the default).
    IReadOnlyList<string>? Events = null,
    /// An agency of your own party; your own agency by default.
    Guid? AgencyId = null);

public sealed record WebhookDto(Guid Id, Guid AgencyId, string Url, IReadOnlyList<string> Events, DateTime CreatedAt);

/// Returned once, when the webhook is created: the only time the secret is shown.
public sealed record CreatedWebhookDto(Guid Id, Guid AgencyId, string Url, IReadOnlyList<string> Events, DateTime CreatedAt, string Secret);

public sealed record NotificationDto(
    Guid Id, string EventType, NotificationChannel Channel, string Recipient, Guid? WebhookId, Guid? AgencyId, string Subject,
    NotificationStatus Status, int Attempts, DateTime CreatedAt, DateTime? NextAttemptAt, DateTime? SentAt, string? LastError);

public sealed record AttemptDto(DateTime At, bool Succeeded, int? StatusCode, string? Error, int DurationMs);

/// One notification with its body and its delivery log, oldest attempt first.
public sealed record NotificationDetailDto(NotificationDto Notification, string Body, IReadOnlyList<AttemptDto> Attempts);

public static class NotificationMapping
{
    public static NotificationDto ToDto(Notification n) => new(
        n.Id, n.EventType, n.Channel, n.Recipient, n.WebhookId, n.AgencyId, n.Subject, n.Status, n.Attempts, n.CreatedAt, n.NextAttemptAt, n.SentAt, n.LastError);

    public static AttemptDto ToDto(NotificationAttempt a) => new(a.At, a.Succeeded, a.StatusCode, a.Error, a.DurationMs);

    public static IReadOnlyList<string> EventList(Webhook w) =>
        w.Events.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static WebhookDto ToDto(Webhook w) => new(w.Id, w.AgencyId, w.Url, EventList(w), w.CreatedAt);
}
