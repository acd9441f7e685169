using Parley.Requests;

namespace Parley.Web;

/// The English label of each state, step and deadline; the key under which the page looks up its translation.
public static class Labels
{
    public static string Status(RequestStatus s) => s switch
    {
        RequestStatus.Draft => "Draft",
        RequestStatus.Submitted => "Submitted",
        RequestStatus.Acknowledged => "Acknowledged",
        RequestStatus.InProgress => "In progress",
        RequestStatus.AwaitingClarification => "Awaiting clarification",
        RequestStatus.Answered => "Answered",
        RequestStatus.Closed => "Closed",
        RequestStatus.Declined => "Declined",
        RequestStatus.Withdrawn => "Withdrawn",
        _ => s.ToString(),
    };

    public static string Deadline(DeadlineKind k) => k switch
    {
        DeadlineKind.Acknowledge => "Acknowledgement",
        DeadlineKind.FirstAnswer => "First answer",
        _ => "Final answer",
    };

    public static string Urgency(string urgency) => urgency switch
    {
        "on-time" => "On time",
        "at-risk" => "At risk",
        "missed" => "Missed",
        "met" => "Met",
        "paused" => "Paused",
        _ => "Cancelled",
    };

    public static string Action(RequestAction a) => a switch
    {
        RequestAction.Submit => "Submit",
        RequestAction.Acknowledge => "Acknowledge",
        RequestAction.StartWork => "Start work",
        RequestAction.RequestClarification => "Ask for clarification",
        RequestAction.Clarify => "Clarify",
        RequestAction.PartialAnswer => "Send a partial answer",
        RequestAction.FinalAnswer => "Send the final answer",
        RequestAction.Close => "Close",
        RequestAction.Decline => "Decline",
        RequestAction.Withdraw => "Withdraw",
        _ => a.ToString(),
    };

    public static string Event(RequestEventType e) => e switch
    {
        RequestEventType.Drafted => "Drafted",
        RequestEventType.Submitted => "Submitted",
        RequestEventType.Acknowledged => "Acknowledged",
        RequestEventType.WorkStarted => "Work started",
        RequestEventType.ClarificationRequested => "Clarification requested",
        RequestEventType.ClarificationProvided => "Clarification provided",
        RequestEventType.PartialAnswer => "Partial answer",
        RequestEventType.FinalAnswer => "Final answer",
        RequestEventType.Closed => "Closed",
        RequestEventType.Declined => "Declined",
        RequestEventType.Withdrawn => "Withdrawn",
        RequestEventType.DraftRevised => "Draft revised",
        RequestEventType.Rated => "Answer rated",
        RequestEventType.RatingReplied => "Reply to the rating",
        RequestEventType.EscalationRaised => "Escalated",
        RequestEventType.EscalationClimbed => "Escalation climbed a level",
        RequestEventType.EscalationAcknowledged => "Escalation acknowledged",
        RequestEventType.EscalationResolved => "Escalation resolved",
        RequestEventType.EscalationExhausted => "Escalation at the top of the ladder",
        _ => e.ToString(),
    };

    public static string Outcome(Parley.Hotline.HotlineOutcome o) => o switch
    {
        Parley.Hotline.HotlineOutcome.Resolved => "Resolved",
        Parley.Hotline.HotlineOutcome.PartlyResolved => "Partly resolved",
        Parley.Hotline.HotlineOutcome.Unresolved => "Unresolved",
        _ => "Referred",
    };

    /// A priority or clock as the oversight report names it ("urgent", "business"), as the label its translation is kept under.
    public static string ReportPriority(string name) =>
        Enum.TryParse<Parley.Directory.Priority>(name, ignoreCase: true, out var p) ? p.ToString() : name;

    public static string ReportClock(string name) => name switch
    {
        "calendar" => "Calendar time",
        "business" => "Business hours",
        _ => name,
    };
}
