namespace Parley.Requests;

public enum DeadlineKind { Acknowledge, FirstAnswer, FinalAnswer }

public enum DeadlineState { Pending, Met, Missed, Cancelled }

/// A computed deadline, stored so that it can be indexed and watched; recomputed from the
/// request's events whenever one is appended.
public sealed class RequestDeadline
{
    public Guid RequestId { get; set; }
    public DeadlineKind Kind { get; set; }
    /// Null while the clock is stopped (awaiting clarification).
    public DateTime? DueAt { get; set; }
    /// Budget left when the clock stopped; null while it runs.
    public TimeSpan? RemainingWhenPaused { get; set; }
    public DateTime? CompletedAt { get; set; }
    /// Pending, Met, or Missed once completed late; a pending deadline past due reads as missed.
    public DeadlineState State { get; set; }
    /// When the allowed share of the time is used up (see TimelinePolicy.AtRiskShare); null unless running.
    public DateTime? AtRiskAt { get; set; }
    /// When the deadline watcher must next look at this deadline; null when there is nothing left to watch.
    public DateTime? WatchAt { get; set; }
}
