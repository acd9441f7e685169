namespace Parley.Notifications;

public enum NotificationChannel { Email, Webhook }

public enum NotificationStatus { Pending, Sent, Failed }

/// One message waiting in (or delivered from) the outbox. Written in the same transaction as the change
/// it announces, so a crash loses nothing; the idempotency key makes the same cause queue it only once.
public sealed class Notification
{
    public const int MaxSubject = 500;

    public Guid Id { get; set; }
    public required string IdempotencyKey { get; set; }
    /// What happened, e.g. "escalation.raised", "deadline.missed", "communication-check.ping".
    public required string EventType { get; set; }
    public NotificationChannel Channel { get; set; }
    /// An e-mail address, or the webhook's URL.
    public required string Recipient { get; set; }
    public Guid? WebhookId { get; set; }
    /// The agency the recipient belongs to (null when unknown); administrators see their own party's deliveries.
    public Guid? AgencyId { get; set; }
    public required string Subject { get; set; }
    /// Plain-text body of an e-mail; JSON payload of a webhook.
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public NotificationStatus Status { get; set; }
    public int Attempts { get; set; }
    /// When the sender should try next; null once sent or given up. Indexed. While a sender works on the row
    /// it holds the end of that sender's lease, so no other process picks it up meanwhile.
    public DateTime? NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}

/// The delivery log: every try, successful or not.
public sealed class NotificationAttempt
{
    public Guid Id { get; set; }
    public Guid NotificationId { get; set; }
    public DateTime At { get; set; }
    public bool Succeeded { get; set; }
    public int? StatusCode { get; set; }
    public string? Error { get; set; }
    public int DurationMs { get; set; }
}

/// An endpoint that receives JSON notifications signed with HMAC-SHA256 over its secret.
public sealed class Webhook
{
    public Guid Id { get; set; }
    /// The agency that owns the endpoint; it receives what that agency's users would be told.
    public Guid AgencyId { get; set; }
    public required string Url { get; set; }
    /// The shared signing secret. Kept as is: the signature needs it.
    public required string Secret { get; set; }
    /// Event types it wants, comma-separated; "*" for all.
    public string Events { get; set; } = "*";
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }
}
