using NodaTime;
using Parley.Deadlines;
using Parley.Directory;
using Parley.Requests;

namespace Parley.Tests.Deadlines;

/// Deadlines from a request's history on a calendar clock: acknowledge 4h, first answer 24h, final 72h.
public sealed class DeadlineHistoryTests
{
    private static readonly TimelinePolicy Policy = new()
    {
        Priority = Priority.Urgent, Clock = ClockKind.Calendar,
        AcknowledgeWithin = TimeSpan.FromHours(4), FirstAnswerWithin = TimeSpan.FromHours(24), FinalAnswerWithin = TimeSpan.FromHours(72),
    };

    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 14, 0);

    private static Instant H(double hours) => T0 + Duration.FromHours(hours);

    private static IReadOnlyList<ComputedDeadline> Compute(IReadOnlyList<ClockPause>? pauses = null, Instant? ack = null,
        Instant? first = null, Instant? final = null, Instant? cancelled = null) =>
        DeadlineCalculator.Compute(Policy, CalendarClock.Instance, new DeadlineHistory(T0, pauses ?? [], ack, first, final, cancelled));

    [Fact]
    public void Compute_AllAnsweredInTime_AllMet()
    {
        var d = Compute(ack: H(1), first: H(10), final: H(20));
        Assert.Equal([H(4), H(24), H(72)], d.Select(x => x.Due!.Value));
        Assert.All(d, x => Assert.Equal(DeadlineState.Met, x.State));
    }

    [Fact]
    public void Compute_AcknowledgedLate_IsMissedWithItsCompletion()
    {
        var ack = Compute(ack: H(5))[0];
        Assert.Equal(DeadlineState.Missed, ack.State);
        Assert.Equal(H(5), ack.CompletedAt);
    }

    [Fact]
    public void Compute_ClosedPause_ShiftsDueByThePause()
    {
        // Paused from +2h to +5h: 2h of the 4h used, 2h left from +5h → +7h.
        var d = Compute([new ClockPause(H(2), H(5))]);
        Assert.Equal([H(7), H(27), H(75)], d.Select(x => x.Due!.Value));
    }

    [Fact]
    public void Compute_OpenPause_HasNoDueAndKeepsTheRemainingBudget()
    {
        var d = Compute([new ClockPause(H(2), null)]);
        Assert.All(d, x => Assert.Null(x.Due));
        Assert.Equal([Duration.FromHours(2), Duration.FromHours(22), Duration.FromHours(70)], d.Select(x => x.RemainingWhenPaused!.Value));
        Assert.All(d, x => Assert.Equal(DeadlineState.Pending, x.State));
    }

    [Fact]
    public void Compute_PauseAfterTheDeadlinePassed_DoesNotRescueIt()
    {
        var ack = Compute([new ClockPause(H(6), H(30))])[0];
        Assert.Equal(H(4), ack.Due);
        Assert.Equal(DeadlineState.Missed, DeadlineCalculator.EffectiveState(ack.State, ack.Due, H(6)));
    }

    [Fact]
    public void Compute_PauseAfterCompletion_DoesNotMoveACompletedDeadline()
    {
        var ack = Compute([new ClockPause(H(2), H(5))], ack: H(1))[0];
        Assert.Equal(H(4), ack.Due);
        Assert.Equal(DeadlineState.Met, ack.State);
    }

    [Fact]
    public void Compute_Withdrawn_CancelsWhatWasStillRunning()
    {
        var d = Compute(ack: H(0.5), cancelled: H(1));
        Assert.Equal([DeadlineState.Met, DeadlineState.Cancelled, DeadlineState.Cancelled], d.Select(x => x.State));
    }

    [Fact]
    public void EffectiveState_PendingPastDue_ReadsMissed()
    {
        Assert.Equal(DeadlineState.Pending, DeadlineCalculator.EffectiveState(DeadlineState.Pending, H(4), H(3)));
        Assert.Equal(DeadlineState.Missed, DeadlineCalculator.EffectiveState(DeadlineState.Pending, H(4), H(4.01)));
        Assert.Equal(DeadlineState.Pending, DeadlineCalculator.EffectiveState(DeadlineState.Pending, null, H(400)));
    }

    [Fact]
    public void HistoryOf_Events_FindsPausesAndCompletions()
    {
        RequestEvent E(int seq, RequestEventType type, double hours) =>
            new() { Sequence = seq, Type = type, OccurredAt = H(hours).ToDateTimeUtc() };
        var history = RequestDeadlines.HistoryOf(
        [
            E(1, RequestEventType.Drafted, -1), E(2, RequestEventType.Submitted, 0), E(3, RequestEventType.Acknowledged, 1),
            E(4, RequestEventType.ClarificationRequested, 2), E(5, RequestEventType.ClarificationProvided, 5),
            E(6, RequestEventType.PartialAnswer, 8), E(7, RequestEventType.ClarificationRequested, 9), E(8, RequestEventType.Declined, 12),
        ])!;
        Assert.Equal(T0, history.SubmittedAt);
        Assert.Equal([new ClockPause(H(2), H(5)), new ClockPause(H(9), H(12))], history.Pauses);
        Assert.Equal(H(1), history.AcknowledgedAt);
        Assert.Equal(H(8), history.FirstAnswerAt);
        Assert.Equal(H(12), history.FinalAnswerAt);
        Assert.Null(RequestDeadlines.HistoryOf([E(1, RequestEventType.Drafted, 0)]));
    }
}
