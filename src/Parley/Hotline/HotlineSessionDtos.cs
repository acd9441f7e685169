using Parley.Requests;

namespace Parley.Hotline;

/// Who to call on one side instead of the party's on-call holder: a user or a point of contact of that party.
public sealed record CallInput(string? Party, string? User, Guid? ContactId);

public sealed record OpenSessionInput(string? Mechanism, Guid? EscalationId, string? Subject, IReadOnlyList<CallInput>? Calls);

public sealed record NoteInput(string? Text);

public sealed record LinkRequestInput(string? Request);

public sealed record CloseSessionInput(HotlineOutcome? Outcome, string? Note);

public sealed record ContactRef(Guid Id, string Agency, string Name, string? Email, string? Phone);

public sealed record ParticipantDto(string Party, UserRef? CalledUser, ContactRef? CalledContact, DateTime CalledAt,
    DateTime? AcknowledgedAt, UserRef? AcknowledgedBy, TimeSpan? TimeToAcknowledge);

public sealed record SessionNoteDto(Guid Id, DateTime At, UserRef Author, string Party, string Text);

public sealed record LinkedRequestDto(Guid Id, string? Reference, string Subject, RequestStatus Status);

public sealed record SessionSummary(Guid Id, string Mechanism, Guid? EscalationId, string Subject, HotlineSessionStatus Status,
    DateTime OpenedAt, DateTime? ClosedAt, HotlineOutcome? Outcome, IReadOnlyList<ParticipantDto> Participants);

public sealed record SessionDetail(Guid Id, string Mechanism, Guid? EscalationId, string Subject, HotlineSessionStatus Status,
    DateTime OpenedAt, UserRef OpenedBy, string OpenedByParty, DateTime? ClosedAt, UserRef? ClosedBy, HotlineOutcome? Outcome, string? OutcomeNote,
    int Version, IReadOnlyList<ParticipantDto> Participants, IReadOnlyList<SessionNoteDto> Notes, IReadOnlyList<LinkedRequestDto> Requests);
