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

    /// Open at the top rung with its last acknowledgement deadline passed: nothing left to climb to.
    public bool IsExhausted => Status == EscalationStatus.Open && WatchAt is null;

    public static Escalation Raise(Request request, EscalationLevel first, EscalationCause cause, string reason,
        Side side, Guid? userId, Guid? agencyId, DateTime at, DeadlineAlert? alert = null)
    {
        var escalation = new Escalation
        {
            Id = Guid.CreateVersion7(at), MechanismId = request.MechanismId, RequestId = request.Id, Cause = cause,
            AlertId = alert?.Id, Deadline = alert?.Deadline, Reason = reason, RaisedByUserId = userId, RaisedByAgencyId = agencyId,
            RaisedBySide = side, Status = EscalationStatus.Open, Level = first.Level, RaisedAt = at, LevelReachedAt = at,
            AcknowledgeDueAt = at + first.AcknowledgeWithin,
        };
        escalation.WatchAt = escalation.AcknowledgeDueAt;
        escalation.AddStep(EscalationStepKind.Raised, at, userId, reason);
        return escalation;
    }

    /// The next step the ladder takes on its own once the acknowledgement deadline has passed: a climb
    /// to <paramref name="next"/> at that deadline, or, at the top, the ladder running out. Null when nothing is due.
    public EscalationStep? ClimbIfDue(EscalationLevel? next, DateTime now)
    {
        if (Status != EscalationStatus.Open || WatchAt is null || AcknowledgeDueAt is not { } due || due > now) return null;
        if (next is null)
        {
            WatchAt = null;
            Version++;
            return AddStep(EscalationStepKind.Exhausted, due, null, null);
        }
        Level = next.Level;
        LevelReachedAt = due;
        AcknowledgeDueAt = due + next.AcknowledgeWithin;
        WatchAt = AcknowledgeDueAt;
        Version++;
        return AddStep(EscalationStepKind.Climbed, due, null, null);
    }

    public EscalationStep Acknowledge(Guid userId, DateTime now, string? note)
    {
        Status = EscalationStatus.Acknowledged;
        AcknowledgedAt = now;
        AcknowledgedByUserId = userId;
        WatchAt = null;
        Version++;
        return AddStep(EscalationStepKind.Acknowledged, now, userId, note);
    }

    public EscalationStep Resolve(Guid userId, DateTime now, string resolution)
    {
        Status = EscalationStatus.Resolved;
        ResolvedAt = now;
        Resolution = resolution;
        WatchAt = null;
        Version++;
        return AddStep(EscalationStepKind.Resolved, now, userId, resolution);
    }

    private EscalationStep AddStep(EscalationStepKind kind, DateTime at, Guid? userId, string? note)
    {
        var step = new EscalationStep { Id = Guid.CreateVersion7(at), EscalationId = Id, Kind = kind, Level = Level, At = at, ActorUserId = userId, Note = note };
        Steps.Add(step);
        return step;
    }
}

/// Exhausted: the top rung's acknowledgement deadline passed too; the escalation stays open there.
public enum EscalationStepKind { Raised, Climbed, Acknowledged, Resolved, Exhausted }

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
