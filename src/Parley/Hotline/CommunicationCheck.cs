namespace Parley.Hotline;

/// A ping to every point of contact of a mechanism, each to be acknowledged within a set time.
public sealed class CommunicationCheck
{
    public Guid Id { get; set; }
    public Guid MechanismId { get; set; }
    public DateTime StartedAt { get; set; }
    public TimeSpan AnswerWithin { get; set; }
    public DateTime DueAt { get; set; }
    /// Null for a scheduled check.
    public Guid? StartedByUserId { get; set; }
    /// The watcher looks again at DueAt to mark the unanswered pings; null once it has.
    public DateTime? WatchAt { get; set; }
    public List<CommunicationCheckPing> Pings { get; set; } = [];
}

public enum PingResult { Pending, OnTime, Late, Never }

/// One contact's part of a check. The acknowledgement link carries a random token; only its hash is stored.
public sealed class CommunicationCheckPing
{
    public Guid Id { get; set; }
    public Guid CheckId { get; set; }
    public Guid ContactId { get; set; }
    public Guid AgencyId { get; set; }
    public Guid PartyId { get; set; }
    public required byte[] TokenHash { get; set; }
    public DateTime SentAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public PingResult Result { get; set; }
}

/// A mechanism's standing schedule of communication checks.
public sealed class CommunicationCheckSchedule
{
    public Guid MechanismId { get; set; }
    public TimeSpan Every { get; set; }
    public TimeSpan AnswerWithin { get; set; }
    public DateTime NextRunAt { get; set; }
}
