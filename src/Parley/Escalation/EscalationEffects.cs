using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Identity;
using Parley.Notifications;
using Parley.Requests;

namespace Parley.Escalation;

/// What every escalation step leaves behind besides the step itself: an event on the request's timeline
/// and notifications for the people concerned on both sides, written in the caller's unit of work.
public static class EscalationEffects
{
    public static async Task RecordAsync(ParleyDbContext db, Request request, Escalation escalation, EscalationStep step,
        IReadOnlyList<EscalationLevel> ladder, Actor actor, DateTime now, CancellationToken ct)
    {
        var (eventType, key, roles, message) = AppendToTimeline(request, escalation, step, ladder, actor);
        var reference = request.Reference ?? request.Id.ToString();
        var subject = $"[{reference}] {message.Split(':')[0].TrimEnd('.')}";
        var text = $"{message}\n\nRequest {reference}: {request.Subject}\nEscalation {escalation.Id}, raised {escalation.RaisedAt:u}"
                   + (escalation.Status == EscalationStatus.Open && escalation.AcknowledgeDueAt is { } due && !escalation.IsExhausted
                       ? $"\nTo be acknowledged by {due:u}." : "");
        var data = new
        {
            escalationId = escalation.Id, requestId = request.Id, reference, level = step.Level, levelName = EscalationLadder.NameOf(ladder, step.Level),
            step = step.Kind.ToString().ToLowerInvariant(), at = step.At, reason = escalation.Reason,
        };
        await NotifyBothSidesAsync(db, request, new NotificationEvent(eventType, $"escalation:{escalation.Id}:{key}", Truncate(subject, 500), text, [], roles, data), now, ct);
    }

    /// Puts the step on the request's timeline, at the step's own instant; returns what notifications need.
    public static (string EventType, string Key, Roles Roles, string Message) AppendToTimeline(
        Request request, Escalation escalation, EscalationStep step, IReadOnlyList<EscalationLevel> ladder, Actor actor)
    {
        var rung = $"level {step.Level} · {EscalationLadder.NameOf(ladder, step.Level)}";
        var at = EscalationLadder.At(ladder, step.Level)?.Notify ?? Roles.None;
        var (type, eventType, key, roles, message) = step.Kind switch
        {
            EscalationStepKind.Raised => (RequestEventType.EscalationRaised, "escalation.raised", $"level:{step.Level}", at,
                $"Escalated to {rung}: {escalation.Reason}"),
            EscalationStepKind.Climbed => (RequestEventType.EscalationClimbed, "escalation.climbed", $"level:{step.Level}", at,
                $"Not acknowledged in time; climbed to {rung}."),
            EscalationStepKind.Exhausted => (RequestEventType.EscalationExhausted, "escalation.exhausted", "exhausted", at,
                $"Not acknowledged at the top of the ladder ({rung}); it stays open there."),
            EscalationStepKind.Acknowledged => (RequestEventType.EscalationAcknowledged, "escalation.acknowledged", "acknowledged",
                EscalationLadder.NotifiedUpTo(ladder, step.Level), Join($"Escalation acknowledged at {rung}", step.Note)),
            _ => (RequestEventType.EscalationResolved, "escalation.resolved", "resolved",
                EscalationLadder.NotifiedUpTo(ladder, step.Level), Join("Escalation resolved", step.Note)),
        };
        RequestTimeline.Append(request, type, actor, step.At, Truncate(message));
        return (eventType, key, roles, message);
    }

    /// Officers and supervisors are told through the request's own agencies (every agency of the
    /// responding party while none has taken the request); hotline officers serve their whole party.
    public static async Task NotifyBothSidesAsync(ParleyDbContext db, Request request, NotificationEvent e, DateTime now, CancellationToken ct)
    {
        var desk = e.Roles & ~Roles.HotlineOfficer;
        if (desk != Roles.None)
            await NotificationOutbox.EnqueueAsync(db, e with { AgencyIds = [request.FromAgencyId, .. await RespondingAgenciesAsync(db, request, ct)], Roles = desk }, now, ct);
        if (e.Roles.HasFlag(Roles.HotlineOfficer))
        {
            var parties = await db.Agencies.Where(a => a.PartyId == request.FromPartyId || a.PartyId == request.ToPartyId).Select(a => a.Id).ToListAsync(ct);
            await NotificationOutbox.EnqueueAsync(db, e with { AgencyIds = parties, Roles = Roles.HotlineOfficer }, now, ct);
        }
    }

    public static async Task<List<Guid>> RespondingAgenciesAsync(ParleyDbContext db, Request request, CancellationToken ct) =>
        request.ToAgencyId is { } to ? [to] : await db.Agencies.Where(a => a.PartyId == request.ToPartyId).Select(a => a.Id).ToListAsync(ct);

    private static string Join(string head, string? note) => string.IsNullOrWhiteSpace(note) ? head + "." : $"{head}: {note}";

    private static string Truncate(string text, int max = RequestLimits.Message) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
