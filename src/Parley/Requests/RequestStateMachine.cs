using Parley.Identity;
using static Parley.Requests.RequestStatus;

namespace Parley.Requests;

/// draft → submitted → acknowledged → in progress ⇄ awaiting clarification → answered → closed,
/// with declined, withdrawn and partial answers. Only officers and supervisors act on requests.
public static class RequestStateMachine
{
    private static TransitionRule Rule(RequestAction action, Side side, RequestStatus to, RequestEventType evt, bool message, params RequestStatus[] from) =>
        new(action, side, from.ToHashSet(), to, evt, message);

    public static readonly IReadOnlyDictionary<RequestAction, TransitionRule> Rules = new[]
    {
        Rule(RequestAction.Submit, Side.Requesting, Submitted, RequestEventType.Submitted, false, Draft),
        Rule(RequestAction.Acknowledge, Side.Responding, Acknowledged, RequestEventType.Acknowledged, false, Submitted),
        Rule(RequestAction.StartWork, Side.Responding, InProgress, RequestEventType.WorkStarted, false, Acknowledged),
        Rule(RequestAction.RequestClarification, Side.Responding, AwaitingClarification, RequestEventType.ClarificationRequested, true, Acknowledged, InProgress),
        Rule(RequestAction.Clarify, Side.Requesting, InProgress, RequestEventType.ClarificationProvided, true, AwaitingClarification),
        Rule(RequestAction.PartialAnswer, Side.Responding, InProgress, RequestEventType.PartialAnswer, true, Acknowledged, InProgress),
        Rule(RequestAction.FinalAnswer, Side.Responding, Answered, RequestEventType.FinalAnswer, true, Acknowledged, InProgress),
        Rule(RequestAction.Close, Side.Requesting, Closed, RequestEventType.Closed, false, Answered),
        Rule(RequestAction.Decline, Side.Responding, Declined, RequestEventType.Declined, true, Submitted, Acknowledged, InProgress, AwaitingClarification),
        Rule(RequestAction.Withdraw, Side.Requesting, Withdrawn, RequestEventType.Withdrawn, false, Draft, Submitted, Acknowledged, InProgress, AwaitingClarification),
    }.ToDictionary(r => r.Action);

    public const Roles ActingRoles = Roles.Officer | Roles.Supervisor;

    /// Which side of the request the actor's agency may act for, if any.
    public static Side? SideOf(Request request, Actor actor)
    {
        if ((actor.Roles & ActingRoles) == 0) return null;
        if (actor.AgencyId == request.FromAgencyId) return Side.Requesting;
        if (actor.PartyId == request.ToPartyId && (request.ToAgencyId is null || request.ToAgencyId == actor.AgencyId))
            return Side.Responding;
        return null;
    }

    /// A party sees only the requests it sends or receives, and the receiving party sees no drafts.
    public static bool CanSee(Request request, Actor actor) =>
        actor.PartyId == request.FromPartyId
        || (actor.PartyId == request.ToPartyId && request.Status != Draft);

    public static IEnumerable<RequestAction> ActionsFrom(RequestStatus status) =>
        Rules.Values.Where(r => r.From.Contains(status)).Select(r => r.Action);

    public static IReadOnlyList<RequestAction> AllowedActions(Request request, Actor actor)
    {
        var side = SideOf(request, actor);
        return side is null ? [] : Rules.Values.Where(r => r.Side == side && r.From.Contains(request.Status)).Select(r => r.Action).ToList();
    }
}
