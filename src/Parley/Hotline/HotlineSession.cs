namespace Parley.Hotline;

public enum HotlineSessionStatus { Open, Closed }

public enum HotlineOutcome { Resolved, PartlyResolved, Unresolved, Referred }

/// A call on the hotline between the parties of a mechanism, opened from an escalation or ad hoc.
public sealed class HotlineSession
{
    public Guid Id { get; set; }
    public Guid MechanismId { get; set; }
    /// Set when the session was opened from an escalation.
    public Guid? EscalationId { get; set; }
    public required string Subject { get; set; }
    public HotlineSessionStatus Status { get; set; }
    public DateTime OpenedAt { get; set; }
    public Guid OpenedByUserId { get; set; }
    public Guid OpenedByPartyId { get; set; }
    public DateTime? ClosedAt { get; set; }
    public Guid? ClosedByUserId { get; set; }
    public HotlineOutcome? Outcome { get; set; }
    public string? OutcomeNote { get; set; }
    public int Version { get; set; }
    public List<HotlineParticipant> Participants { get; set; } = [];
    public List<HotlineNote> Notes { get; set; } = [];
    public List<HotlineSessionRequest> Requests { get; set; } = [];
}

/// One side of a session: who was called, and when that side acknowledged.
public sealed class HotlineParticipant
{
    public Guid Id { get; set; }
    public Guid SessionId { get; set; }
    public Guid PartyId { get; set; }
    public Guid? CalledUserId { get; set; }
    public Guid? CalledContactId { get; set; }
    public DateTime CalledAt { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public Guid? AcknowledgedByUserId { get; set; }
}

public sealed class HotlineNote
{
    public Guid Id { get; set; }
    public Guid SessionId { get; set; }
    public DateTime At { get; set; }
    public Guid AuthorUserId { get; set; }
    public Guid AuthorPartyId { get; set; }
    public required string Text { get; set; }
}

public sealed class HotlineSessionRequest
{
    public Guid SessionId { get; set; }
    public Guid RequestId { get; set; }
}
