using Parley.Requests;

namespace Parley.Escalation;

public enum EscalationCause { MissedDeadline, Manual }

public enum EscalationStatus { Open, Acknowledged, Resolved }

/// A problem with a request raised up the mechanism's ladder: started by the watcher when a deadline
/// is missed, or by hand from either side with a reason.
public sealed class Escalation
{
    public Guid Id { get; set; }
    public Guid MechanismId { get; set; }
    public Guid RequestId { get; set; }
    public EscalationCause Cause { get; set; }
    /// The missed-deadline alert that started it; unique, so one alert starts one escalation.
    public Guid? AlertId { get; set; }
    public DeadlineKind? Deadline { get; set; }
    public required string Reason { get; set; }
    /// Null when the watcher raised it.
    public Guid? RaisedByUserId { get; set; }
    public Guid? RaisedByAgencyId { get; set; }
    /// The side that raised it (the requesting side for a missed deadline).
    public Side RaisedBySide { get; set; }
    public EscalationStatus Status { get; set; }
    public int Level { get; set; }
    public DateTime RaisedAt { get; set; }
    public DateTime LevelReachedAt { get; set; }
    public DateTime? AcknowledgeDueAt { get; set; }
    /// When the watcher must look at it next (the acknowledgement deadline while unacknowledged); indexed.
    public DateTime? WatchAt { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public Guid? AcknowledgedByUserId { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? Resolution { get; set; }
    public int Version { get; set; }
    public List<EscalationStep> Steps { get; set; } = [];
}

public enum EscalationStepKind { Raised, Climbed, Acknowledged, Resolved }

/// The escalation's own history; each (escalation, kind, level) happens at most once.
public sealed class EscalationStep
{
    public Guid Id { get; set; }
    public Guid EscalationId { get; set; }
    public EscalationStepKind Kind { get; set; }
    public int Level { get; set; }
    public DateTime At { get; set; }
    public Guid? ActorUserId { get; set; }
    public string? Note { get; set; }
}
