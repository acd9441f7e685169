using NodaTime;
using Parley.Directory;
using Parley.Requests;

namespace Parley.Deadlines;

/// The clock stops while a request awaits clarification; End is null while it still does.
public sealed record ClockPause(Instant Start, Instant? End);

public sealed record DeadlineHistory(Instant SubmittedAt, IReadOnlyList<ClockPause> Pauses, Instant? AcknowledgedAt,
    Instant? FirstAnswerAt, Instant? FinalAnswerAt, Instant? CancelledAt);

/// Due is null while the clock is stopped; RemainingWhenPaused is then the budget still to run.
public sealed record ComputedDeadline(DeadlineKind Kind, Instant? Due, Duration? RemainingWhenPaused, Instant? CompletedAt, DeadlineState State);

/// Computes a request's three deadlines from its history: a pure function of the policy, the clock and the events.
public static class DeadlineCalculator
{
    /// The Acknowledge, FirstAnswer and FinalAnswer deadlines, in that order.
    public static IReadOnlyList<ComputedDeadline> Compute(TimelinePolicy policy, IDeadlineClock clock, DeadlineHistory history)
    {
        var pauses = history.Pauses.OrderBy(p => p.Start).ToList();
        return
        [
            One(DeadlineKind.Acknowledge, policy.AcknowledgeWithin, history.AcknowledgedAt, clock, history, pauses),
            One(DeadlineKind.FirstAnswer, policy.FirstAnswerWithin, history.FirstAnswerAt, clock, history, pauses),
            One(DeadlineKind.FinalAnswer, policy.FinalAnswerWithin, history.FinalAnswerAt, clock, history, pauses),
        ];
    }

    private static ComputedDeadline One(DeadlineKind kind, TimeSpan within, Instant? completed, IDeadlineClock clock,
        DeadlineHistory history, List<ClockPause> pauses)
    {
        var cursor = history.SubmittedAt;
        var remaining = Duration.FromTimeSpan(within);
        var due = clock.Add(cursor, remaining);
        foreach (var pause in pauses)
        {
            // A pause once the deadline has passed, or once it was met, changes nothing.
            if (pause.Start >= due || (completed is { } done && pause.Start >= done)) break;
            remaining -= clock.Between(cursor, pause.Start);
            if (pause.End is not { } end)
            {
                // Completed while the clock was stopped: the budget had not run out, so it was met.
                var paused = completed is not null ? DeadlineState.Met
                    : history.CancelledAt is not null ? DeadlineState.Cancelled
                    : DeadlineState.Pending;
                return new ComputedDeadline(kind, null, remaining, completed, paused);
            }
            if (end > cursor) cursor = end;
            due = clock.Add(cursor, remaining);
        }
        var state = completed is { } at ? (at <= due ? DeadlineState.Met : DeadlineState.Missed)
            : history.CancelledAt is not null ? DeadlineState.Cancelled
            : DeadlineState.Pending;
        return new ComputedDeadline(kind, due, null, completed, state);
    }

    /// A pending deadline whose due instant has passed reads as missed.
    public static DeadlineState EffectiveState(DeadlineState stored, Instant? due, Instant now) =>
        stored == DeadlineState.Pending && due is { } d && d < now ? DeadlineState.Missed : stored;
}
