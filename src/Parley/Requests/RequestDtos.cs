using Parley.Deadlines;
using Parley.Directory;

namespace Parley.Requests;

public sealed record PartyRef(string Code, string Name, string TimeZone);

public sealed record AgencyRef(Guid Id, string Code, string Name);

public sealed record IndicatorDto(IndicatorType Type, string Value, string? HashAlgorithm, string? Note);

public sealed record DeadlineDto(
    DeadlineKind Kind,
    DeadlineState State,
    DateTime? DueAt,
    bool Paused,
    /// Seconds of clock time left; negative once overdue; null when completed.
    long? SecondsLeft,
    DateTime? CompletedAt,
    ZonedTime? DueForViewer,
    ZonedTime? DueForCounterpart,
    /// Pending and past its at-risk instant (the policy's share of the allowed time used).
    bool AtRisk = false);

public sealed record EventDto(Guid Id, int Sequence, RequestEventType Type, DateTime OccurredAt, Guid ActorUserId, string ActorAgency, string? Message);

public sealed record RequestSummary(
    Guid Id,
    string? Reference,
    string Mechanism,
    Side ViewerSide,
    PartyRef From,
    AgencyRef FromAgency,
    PartyRef To,
    AgencyRef? ToAgency,
    RequestKind Kind,
    Priority Priority,
    RequestStatus Status,
    Tlp Tlp,
    string Subject,
    DateTime CreatedAt,
    DateTime? SubmittedAt,
    DeadlineDto? NextDeadline,
    int Version);

public sealed record RequestDetail(
    RequestSummary Summary,
    string Narrative,
    DateTime? ActivityStart,
    DateTime? ActivityEnd,
    string? Sector,
    string? Victims,
    string? LegalBasis,
    string? DeclineReason,
    IReadOnlyList<IndicatorDto> Indicators,
    IReadOnlyList<DeadlineDto> Deadlines,
    IReadOnlyList<EventDto> Timeline,
    IReadOnlyList<RequestAction> AllowedActions,
    Quality.RatingDto? Rating = null);

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
