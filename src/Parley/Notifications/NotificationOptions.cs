using System.ComponentModel.DataAnnotations;

namespace Parley.Notifications;

/// How the outbox is worked off: section "NotificationSenderOptions".
public sealed class NotificationSenderOptions : IValidatableObject
{
    /// Run the sender in this process. Several processes may run it against one database.
    public bool Enabled { get; set; } = true;
    /// Notifications claimed per round; they are sent up to <see cref="Parallelism"/> at a time.
    [Range(1, 1000)] public int BatchSize { get; set; } = 20;
    [Range(1, 64)] public int Parallelism { get; set; } = 4;
    /// Tries before a notification is marked Failed (an administrator may retry it).
    [Range(1, 100)] public int MaxAttempts { get; set; } = 10;
    /// Wait after the first failure; doubled after each further one, up to <see cref="BackoffCap"/>.
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan BackoffCap { get; set; } = TimeSpan.FromHours(1);
    /// Each wait is spread by up to ± this share at random, so a receiver coming back is not hit by every sender at once.
    [Range(0.0, 1.0)] public double BackoffJitter { get; set; } = 0.2;
    /// How long a claimed notification stays reserved for the sender that claimed it; after that (the sender
    /// died mid-send) another one may take it over. Keep it well above the send timeouts.
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
    /// The longest the sender sleeps, so that rows queued by another process (without a poke) are seen.
    public TimeSpan MaxSleep { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan RetryAfterError { get; set; } = TimeSpan.FromSeconds(5);
    /// Time allowed for a webhook call (connect, send, response headers).
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (BackoffBase <= TimeSpan.Zero || BackoffCap < BackoffBase)
            yield return new("BackoffBase must be positive and BackoffCap at least as long.", [nameof(BackoffBase), nameof(BackoffCap)]);
        if (MaxSleep <= TimeSpan.Zero || RetryAfterError <= TimeSpan.Zero || WebhookTimeout <= TimeSpan.Zero)
            yield return new("MaxSleep, RetryAfterError and WebhookTimeout must be positive.", [nameof(MaxSleep)]);
        // A lease shorter than a send would let a second sender take the row over while the first still sends it.
        if (Lease < WebhookTimeout + TimeSpan.FromSeconds(30))
            yield return new("Lease must exceed WebhookTimeout by at least 30 seconds.", [nameof(Lease)]);
    }
}

public enum SmtpSecurity { None, StartTls, SslOnConnect }

/// The mail server: section "Smtp". Without a Host, e-mails are written as .eml files to <see cref="PickupDirectory"/>.
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    [Range(1, 65535)] public int Port { get; set; } = 25;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    [Required, EmailAddress] public string FromAddress { get; set; } = "parley@localhost";
    public string FromName { get; set; } = "Parley";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
    /// Where e-mails go when no Host is set (demo, development); relative to the working directory.
    public string PickupDirectory { get; set; } = "data/mail";
}
