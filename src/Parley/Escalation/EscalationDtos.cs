using Parley.Directory;
using Parley.Identity;
using Parley.Requests;

namespace Parley.Escalation;

public sealed record EscalationStepDto(EscalationStepKind Kind, int Level, string LevelName, DateTime At, Guid? ActorUserId, string? Note);

public sealed record EscalationDto(
    Guid Id,
    Guid RequestId,
    string? RequestReference,
    string Mechanism,
    EscalationCause Cause,
    DeadlineKind? Deadline,
    string Reason,
    Side RaisedBySide,
    string? RaisedByAgency,
    Guid? RaisedByUserId,
    EscalationStatus Status,
    int Level,
    string LevelName,
    int TopLevel,
    /// Open at the top rung after its acknowledgement deadline passed: the ladder has nowhere left to go.
    bool Exhausted,
    DateTime RaisedAt,
    DateTime LevelReachedAt,
    DateTime? AcknowledgeDueAt,
    DateTime? AcknowledgedAt,
    Guid? AcknowledgedByUserId,
    /// From raising to acknowledgement, the figure the oversight report aggregates.
    TimeSpan? TimeToAcknowledge,
    DateTime? ResolvedAt,
    string? Resolution,
    Side ViewerSide,
    /// What the caller may do now: "acknowledge", "resolve".
    IReadOnlyList<string> AllowedActions,
    IReadOnlyList<EscalationStepDto>? Steps);

public static class EscalationMapping
{
    public static EscalationDto ToDto(Escalation e, Request r, IReadOnlyList<EscalationLevel> ladder, Actor viewer,
        DirectoryCache.DirectorySnapshot dir, bool withSteps) => new(
        e.Id, e.RequestId, r.Reference, dir.Mechanisms.TryGetValue(e.MechanismId, out var m) ? m.Code : e.MechanismId.ToString(),
        e.Cause, e.Deadline, e.Reason, e.RaisedBySide,
        e.RaisedByAgencyId is { } a && dir.Agencies.TryGetValue(a, out var agency) ? agency.Code : null, e.RaisedByUserId,
        e.Status, e.Level, EscalationLadder.NameOf(ladder, e.Level), ladder.Count == 0 ? e.Level : ladder.Max(l => l.Level), e.IsExhausted,
        e.RaisedAt, e.LevelReachedAt, e.AcknowledgeDueAt, e.AcknowledgedAt, e.AcknowledgedByUserId,
        e.AcknowledgedAt - e.RaisedAt, e.ResolvedAt, e.Resolution,
        viewer.PartyId == r.FromPartyId ? Side.Requesting : Side.Responding,
        EscalationAccess.AllowedActions(e, r, ladder, viewer),
        withSteps ? e.Steps.OrderBy(s => s.At).ThenBy(s => s.Kind)
            .Select(s => new EscalationStepDto(s.Kind, s.Level, EscalationLadder.NameOf(ladder, s.Level), s.At, s.ActorUserId, s.Note)).ToList() : null);
}
