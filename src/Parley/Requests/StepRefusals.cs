using static Parley.Requests.RequestStatus;

namespace Parley.Requests;

/// Why a step on a request was refused, one whole sentence per case rather than a sentence with a state or a
/// step filled in, so the pages can show each in the reader's language without an English word left in it.
public static class StepRefusals
{
    /// The actor's agency is not on the side that takes this step.
    public static string NotYourSide(RequestAction action) => action switch
    {
        RequestAction.Submit => "Only the requesting side's officers and supervisors may submit this request.",
        RequestAction.Acknowledge => "Only the responding side's officers and supervisors may acknowledge this request.",
        RequestAction.StartWork => "Only the responding side's officers and supervisors may start work on this request.",
        RequestAction.RequestClarification => "Only the responding side's officers and supervisors may ask for clarification of this request.",
        RequestAction.Clarify => "Only the requesting side's officers and supervisors may clarify this request.",
        RequestAction.PartialAnswer => "Only the responding side's officers and supervisors may send a partial answer to this request.",
        RequestAction.FinalAnswer => "Only the responding side's officers and supervisors may send the final answer to this request.",
        RequestAction.Close => "Only the requesting side's officers and supervisors may close this request.",
        RequestAction.Decline => "Only the responding side's officers and supervisors may decline this request.",
        RequestAction.Withdraw => "Only the requesting side's officers and supervisors may withdraw this request.",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// The request's state does not allow any such step now (the allowed ones are in the problem's allowedActions).
    public static string NotInThisState(RequestStatus status) => status switch
    {
        Draft => "That step is not open to a draft.",
        Submitted => "That step is not open to a submitted request.",
        Acknowledged => "That step is not open to an acknowledged request.",
        InProgress => "That step is not open to a request in progress.",
        AwaitingClarification => "That step is not open to a request awaiting clarification.",
        Answered => "That step is not open to an answered request.",
        Closed => "That step is not open to a closed request.",
        Declined => "That step is not open to a declined request.",
        Withdrawn => "That step is not open to a withdrawn request.",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// The step needs a message (a reason, to decline) and none was given.
    public static string MessageRequired(RequestAction action) => action switch
    {
        RequestAction.RequestClarification => "message is required to ask for clarification.",
        RequestAction.Clarify => "message is required to clarify.",
        RequestAction.PartialAnswer => "message is required to send a partial answer.",
        RequestAction.FinalAnswer => "message is required to send the final answer.",
        RequestAction.Decline => "reason is required to decline.",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "This step needs no message."),
    };
}
