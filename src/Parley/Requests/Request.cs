using Parley.Directory;

namespace Parley.Requests;

/// The current state of a request: a projection of its events, rebuilt by <see cref="RequestEvent"/>
/// appends and never edited on its own.
public sealed class Request
{
    public Guid Id { get; set; }
    /// Human-readable reference such as US-CN-2026-0042; assigned on submission.
    public string? Reference { get; set; }
    public Guid MechanismId { get; set; }
    public Guid FromPartyId { get; set; }
    public Guid FromAgencyId { get; set; }
    public Guid ToPartyId { get; set; }
    /// The agency handling the request on the responding side: named by the requester, or the
    /// agency that acknowledged it.
    public Guid? ToAgencyId { get; set; }
    public RequestKind Kind { get; set; }
    public Priority Priority { get; set; }
    public required string Subject { get; set; }
    public required string Narrative { get; set; }
    public DateTime? ActivityStart { get; set; }
    public DateTime? ActivityEnd { get; set; }
    public string? Sector { get; set; }
    public string? Victims { get; set; }
    public Tlp Tlp { get; set; }
    public string? LegalBasis { get; set; }
    public RequestStatus Status { get; set; }
    public bool IsOpen { get; set; }
    /// Earliest pending deadline, for sorting by urgency; null when none is running.
    public DateTime? NextDueAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? DeclineReason { get; set; }
    /// Concurrency token, exposed as the ETag.
    public int Version { get; set; }

    public List<RequestIndicator> Indicators { get; set; } = [];
    public List<RequestEvent> Events { get; set; } = [];
    public List<RequestDeadline> Deadlines { get; set; } = [];

    public static bool IsOpenStatus(RequestStatus status) => status is RequestStatus.Submitted
        or RequestStatus.Acknowledged or RequestStatus.InProgress or RequestStatus.AwaitingClarification;
}
