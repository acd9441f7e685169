using Parley.Identity;
using Parley.Requests;

namespace Parley.Escalation;

/// Who may do what with an escalation. Visibility follows the request's (a party sees the escalations
/// of the requests it sends or receives); acting needs a side of the request.
public static class EscalationAccess
{
    /// Officers and supervisors act for the request's own agencies (as on the request); hotline
    /// officers act for their whole party.
    public static Side? SideOf(Request request, Actor actor)
    {
        if (RequestStateMachine.SideOf(request, actor) is { } side) return side;
        if (!actor.Has(Roles.HotlineOfficer)) return null;
        return actor.PartyId == request.FromPartyId ? Side.Requesting : actor.PartyId == request.ToPartyId ? Side.Responding : null;
    }

    public static Side Counterpart(Side side) => side == Side.Requesting ? Side.Responding : Side.Requesting;

    /// Null when the actor may acknowledge; otherwise why not.
    public static string? WhyNotAcknowledge(Escalation e, Request request, IReadOnlyList<EscalationLevel> ladder, Actor actor)
    {
        var to = Counterpart(e.RaisedBySide);
        if (SideOf(request, actor) != to)
            return to == Side.Requesting
                ? "Only the requesting side, to which it was escalated, acknowledges this escalation."
                : "Only the responding side, to which it was escalated, acknowledges this escalation.";
        var roles = EscalationLadder.MayAcknowledge(ladder, e.Level);
        if ((actor.Roles & roles) == 0)
            return $"At level {e.Level} ({EscalationLadder.NameOf(ladder, e.Level)}) it is acknowledged by: {string.Join(", ", RoleNames.ToNames(roles))}.";
        return null;
    }

    public static IReadOnlyList<string> AllowedActions(Escalation e, Request request, IReadOnlyList<EscalationLevel> ladder, Actor actor)
    {
        var actions = new List<string>();
        if (e.Status == EscalationStatus.Open && WhyNotAcknowledge(e, request, ladder, actor) is null) actions.Add("acknowledge");
        if (e.Status != EscalationStatus.Resolved && SideOf(request, actor) is not null) actions.Add("resolve");
        return actions;
    }

    public static string Name(Side side) => side == Side.Requesting ? "requesting" : "responding";

    public static string Kebab<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
