namespace Parley.Requests;

/// One step on a request's timeline. Events are only ever appended; the request row is derived from them.
public sealed class RequestEvent
{
    public Guid Id { get; set; }
    public Guid RequestId { get; set; }
    public int Sequence { get; set; }
    public RequestEventType Type { get; set; }
    public DateTime OccurredAt { get; set; }
    public Guid ActorUserId { get; set; }
    public Guid ActorAgencyId { get; set; }
    /// Free text carried by the step: the question, the clarification, the answer, the reason.
    public string? Message { get; set; }
    /// Structured content of the step as JSON: the request's content on creation, so that the
    /// request can be rebuilt from its events alone (and sent to another node).
    public string? Payload { get; set; }
}
