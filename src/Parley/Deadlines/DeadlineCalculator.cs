using NodaTime;
using Parley.Directory;
using Parley.Requests;

namespace Parley.Deadlines;

/// The clock stops while a request awaits clarification; End is null while it still does.
public sealed record ClockPause(Instant Start, Instant? End);

public sealed record DeadlineHistory(Instant SubmittedAt, IReadOnlyList<ClockPause> Pauses, Instant? AcknowledgedAt,
    Instant? FirstAnswerAt, Instant? FinalAnswerAt, Instant? CancelledAt);

public sealed record ComputedDeadline(DeadlineKind Kind, Instant? Due, Duration? RemainingWhenPaused, Instant? CompletedAt, DeadlineState State);

/// Computes a request's three deadlines from its history: a pure function of the policy, the clock and the events.
public static class DeadlineCalculator
{
    public static IReadOnlyList<ComputedDeadline> Compute(TimelinePolicy policy, IDeadlineClock clock, DeadlineHistory history) =>
    [
        One(DeadlineKind.Acknowledge, policy.AcknowledgeWithin, history.AcknowledgedAt, clock, history),
        One(DeadlineKind.FirstAnswer, policy.FirstAnswerWithin, history.FirstAnswerAt, clock, history),
        One(DeadlineKind.FinalAnswer, policy.FinalAnswerWithin, history.FinalAnswerAt, clock, history),
    ];

    private static ComputedDeadline One(DeadlineKind kind, TimeSpan within, Instant? completed, IDeadlineClock clock, DeadlineHistory history)
    {
        var cursor = history.SubmittedAt;
        var remaining = Duration.FromTimeSpan(within);
        foreach (var pause in history.Pauses.OrderBy(p => p.Start))
        {
            var due = clock.Add(cursor, remaining);
            if (pause.Start >= due || (completed is { } done && pause.Start >= done)) break;
            remaining -= clock.Between(cursor, pause.Start);
            if (pause.End is not { } end)
                return new ComputedDeadline(kind, null, remaining, completed, completed is null && history.CancelledAt is not null ? DeadlineState.Cancelled : DeadlineState.Pending);
            cursor = end > cursor ? end : cursor;
        }
        var dueAt = clock.Add(cursor, remaining);
        var state = completed is { } at ? (at <= dueAt ? DeadlineState.Met : DeadlineState.Missed)
            : history.CancelledAt is not null ? DeadlineState.Cancelled
            : DeadlineState.Pending;
        return new ComputedDeadline(kind, dueAt, null, completed, state);
    }

    /// A pending deadline whose due instant has passed reads as missed.
    public static DeadlineState EffectiveState(DeadlineState stored, Instant? due, Instant now) =>
        stored == DeadlineState.Pending && due is { } d && d < now ? DeadlineState.Missed : stored;
}
