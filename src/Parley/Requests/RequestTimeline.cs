using Parley.Deadlines;
using Parley.Identity;

namespace Parley.Requests;

/// Appends an event to a request and updates the projection from it. The only way a request changes.
public static class RequestTimeline
{
    public static RequestEvent Append(Request request, RequestEventType type, Actor actor, DateTime now, string? message, DeadlineRules.Rule rule)
    {
        var evt = Add(request, type, actor, now, message);
        RequestDeadlines.Recompute(request, rule);
        return evt;
    }

    /// Appends an escalation step. It moves no clock, so it needs no timeline rule and leaves the stored
    /// deadlines alone (recomputing them would re-arm watch instants the deadline watcher has already passed).
    public static RequestEvent Append(Request request, RequestEventType type, Actor actor, DateTime now, string? message)
    {
        if (!IsEscalationStep(type)) throw new ArgumentException($"{type} moves the request's clocks; pass its timeline rule.", nameof(type));
        return Add(request, type, actor, now, message);
    }

    public static bool IsEscalationStep(RequestEventType type) => type is RequestEventType.EscalationRaised
        or RequestEventType.EscalationClimbed or RequestEventType.EscalationAcknowledged or RequestEventType.EscalationResolved or RequestEventType.EscalationExhausted;

    private static RequestEvent Add(Request request, RequestEventType type, Actor actor, DateTime now, string? message)
    {
        var evt = new RequestEvent
        {
            Id = Guid.CreateVersion7(now),
            RequestId = request.Id,
            Sequence = request.Events.Count == 0 ? 1 : request.Events.Max(e => e.Sequence) + 1,
            Type = type,
            OccurredAt = now,
            ActorUserId = actor.UserId,
            ActorAgencyId = actor.AgencyId,
            Message = message,
        };
        request.Events.Add(evt);
        Project(request, evt);
        return evt;
    }

    /// Applies one event to the request row.
    public static void Project(Request request, RequestEvent evt)
    {
        request.Status = evt.Type switch
        {
            RequestEventType.Drafted => RequestStatus.Draft,
            RequestEventType.Submitted => RequestStatus.Submitted,
            RequestEventType.Acknowledged => RequestStatus.Acknowledged,
            RequestEventType.WorkStarted or RequestEventType.PartialAnswer or RequestEventType.ClarificationProvided => RequestStatus.InProgress,
            RequestEventType.ClarificationRequested => RequestStatus.AwaitingClarification,
            RequestEventType.FinalAnswer => RequestStatus.Answered,
            RequestEventType.Closed => RequestStatus.Closed,
            RequestEventType.Declined => RequestStatus.Declined,
            RequestEventType.Withdrawn => RequestStatus.Withdrawn,
            _ => request.Status,
        };
        if (evt.Type == RequestEventType.Submitted) request.SubmittedAt ??= evt.OccurredAt;
        if (evt.Type == RequestEventType.Acknowledged && request.ToAgencyId is null) request.ToAgencyId = evt.ActorAgencyId;
        if (evt.Type == RequestEventType.Declined) request.DeclineReason = evt.Message;
        request.IsOpen = Request.IsOpenStatus(request.Status);
        // A climb recorded after downtime carries its own (earlier) instant; the row was still updated now.
        if (evt.OccurredAt > request.UpdatedAt) request.UpdatedAt = evt.OccurredAt;
        request.Version++;
    }
}
