using System.Text.Json.Serialization;

namespace Parley.Requests;

public enum RequestKind { Information, Preservation, Mitigation, InvestigativeAssistance, Notification }

public enum RequestStatus
{
    Draft,
    Submitted,
    Acknowledged,
    InProgress,
    AwaitingClarification,
    Answered,
    Closed,
    Declined,
    Withdrawn,
}

/// Traffic Light Protocol 2.0.
public enum Tlp { Clear, Green, Amber, [JsonStringEnumMemberName("amber+strict")] AmberStrict, Red }

public enum RequestEventType
{
    Drafted,
    Submitted,
    Acknowledged,
    WorkStarted,
    ClarificationRequested,
    ClarificationProvided,
    PartialAnswer,
    FinalAnswer,
    Closed,
    Declined,
    Withdrawn,
    DraftRevised,
    Rated,
    RatingReplied,
    // Escalation steps: on the timeline, but they change neither the status nor any clock.
    EscalationRaised,
    EscalationClimbed,
    EscalationAcknowledged,
    EscalationResolved,
    EscalationExhausted,
}

public enum Side { Requesting, Responding }
