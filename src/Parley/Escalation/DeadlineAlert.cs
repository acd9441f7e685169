using Parley.Requests;

namespace Parley.Escalation;

public enum AlertLevel { AtRisk, Missed }

/// A deadline that reached its at-risk share or passed, recorded once per cause: the same request,
/// deadline, level and due instant never give a second alert, whichever process sees it first.
public sealed class DeadlineAlert
{
    public Guid Id { get; set; }
    public Guid RequestId { get; set; }
    public DeadlineKind Deadline { get; set; }
    public AlertLevel Level { get; set; }
    /// The due instant the alert is about; a deadline moved by a clarification pause is a new cause.
    public DateTime DueAt { get; set; }
    /// The instant the condition became true (the at-risk instant, or the due instant).
    public DateTime FellAt { get; set; }
    /// When the watcher recorded it; later than FellAt after downtime.
    public DateTime RecordedAt { get; set; }
}
