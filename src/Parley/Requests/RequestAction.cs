namespace Parley.Requests;

public enum RequestAction
{
    Submit,
    Acknowledge,
    StartWork,
    RequestClarification,
    Clarify,
    PartialAnswer,
    FinalAnswer,
    Close,
    Decline,
    Withdraw,
}

/// One allowed step of the lifecycle: who takes it, from which states, and where it leads.
public sealed record TransitionRule(
    RequestAction Action,
    Side Side,
    IReadOnlySet<RequestStatus> From,
    RequestStatus To,
    RequestEventType Event,
    bool MessageRequired);
