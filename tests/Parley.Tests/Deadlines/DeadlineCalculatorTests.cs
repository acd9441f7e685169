using NodaTime;
using Parley.Deadlines;
using Parley.Directory;
using Parley.Requests;

namespace Parley.Tests.Deadlines;

/// Deadlines computed from a request's history. Expected instants are worked out by hand in the comments.
public sealed class DeadlineCalculatorTests
{
    // Acknowledge 4h, first answer 24h, final answer 72h.
    private static readonly TimelinePolicy Urgent = new()
    {
        Priority = Priority.Urgent, Clock = ClockKind.Calendar,
        AcknowledgeWithin = TimeSpan.FromHours(4), FirstAnswerWithin = TimeSpan.FromHours(24), FinalAnswerWithin = TimeSpan.FromHours(72),
    };

    // Acknowledge 4, first answer 16, final answer 40 working hours, in New York (Mon–Fri 09:00–17:00).
    private static readonly TimelinePolicy Routine = new()
    {
        Priority = Priority.Routine, Clock = ClockKind.Business,
        AcknowledgeWithin = TimeSpan.FromHours(4), FirstAnswerWithin = TimeSpan.FromHours(16), FinalAnswerWithin = TimeSpan.FromHours(40),
    };

    private static readonly IDeadlineClock NewYork =
        DeadlineClocks.For(ClockKind.Business, new Party { Code = "US", Name = "United States", TimeZone = "America/New_York" });

    // Mon 2 Mar 2026 14:00Z (09:00 EST): dues without pauses are 18:00Z, Tue 3 Mar 14:00Z and Thu 5 Mar 14:00Z.
    private static readonly Instant Submitted = Instant.FromUtc(2026, 3, 2, 14, 0);

    private static Instant Utc(int d, int h, int min = 0) => Instant.FromUtc(2026, 3, d, h, min);

    private static IReadOnlyList<ComputedDeadline> Urgently(ClockPause[]? pauses = null, Instant? ack = null,
        Instant? first = null, Instant? final = null, Instant? cancelled = null) =>
        DeadlineCalculator.Compute(Urgent, CalendarClock.Instance, new DeadlineHistory(Submitted, pauses ?? [], ack, first, final, cancelled));

    [Fact]
    public void Compute_AllAnsweredInTime_AllMet()
    {
        var d = Urgently(ack: Utc(2, 15), first: Utc(3, 0), final: Utc(3, 10));
        Assert.Equal([DeadlineKind.Acknowledge, DeadlineKind.FirstAnswer, DeadlineKind.FinalAnswer], d.Select(x => x.Kind));
        Assert.Equal([Utc(2, 18), Utc(3, 14), Utc(5, 14)], d.Select(x => x.Due!.Value));
        Assert.Equal([Utc(2, 15), Utc(3, 0), Utc(3, 10)], d.Select(x => x.CompletedAt!.Value));
        Assert.All(d, x => Assert.Equal(DeadlineState.Met, x.State));
        Assert.All(d, x => Assert.Null(x.RemainingWhenPaused));
    }

    [Fact]
    public void Compute_AcknowledgedExactlyAtDue_IsMet() =>
        Assert.Equal(DeadlineState.Met, Urgently(ack: Utc(2, 18))[0].State);

    [Fact]
    public void Compute_AcknowledgedLate_IsMissedAndKeepsCompletedAt()
    {
        // Due 18:00Z, acknowledged 19:00Z.
        var ack = Urgently(ack: Utc(2, 19))[0];
        Assert.Equal(Utc(2, 18), ack.Due);
        Assert.Equal(Utc(2, 19), ack.CompletedAt);
        Assert.Equal(DeadlineState.Missed, ack.State);
    }

    [Fact]
    public void Compute_NothingDoneYet_IsPendingEvenPastDue() =>
        Assert.All(Urgently(), x => Assert.Equal(DeadlineState.Pending, x.State));

    [Fact]
    public void Compute_ClosedPause_ShiftsEveryDueByThePause()
    {
        // Paused 16:00Z–19:00Z (3h): 18:00Z → 21:00Z, Tue 14:00Z → 17:00Z, Thu 14:00Z → 17:00Z.
        var d = Urgently([new ClockPause(Utc(2, 16), Utc(2, 19))]);
        Assert.Equal([Utc(2, 21), Utc(3, 17), Utc(5, 17)], d.Select(x => x.Due!.Value));
    }

    [Fact]
    public void Compute_TwoPausesGivenOutOfOrder_BothCount()
    {
        // Paused 15:00Z–16:00Z and 17:00Z–18:00Z: acknowledge has run 14–15 and 16–17, 2h left from 18:00Z → 20:00Z.
        var d = Urgently([new ClockPause(Utc(2, 17), Utc(2, 18)), new ClockPause(Utc(2, 15), Utc(2, 16))]);
        Assert.Equal([Utc(2, 20), Utc(3, 16), Utc(5, 16)], d.Select(x => x.Due!.Value));
    }

    [Fact]
    public void Compute_OpenPause_HasNoDueAndKeepsTheRemainingBudget()
    {
        // Paused since 16:00Z, 2h after submission.
        var d = Urgently([new ClockPause(Utc(2, 16), null)]);
        Assert.All(d, x => Assert.Null(x.Due));
        Assert.Equal([Duration.FromHours(2), Duration.FromHours(22), Duration.FromHours(70)], d.Select(x => x.RemainingWhenPaused!.Value));
        Assert.All(d, x => Assert.Equal(DeadlineState.Pending, x.State));
    }

    [Fact]
    public void Compute_PauseAfterTheDueInstant_DoesNotRescueAMissedDeadline()
    {
        // Acknowledge was due 18:00Z; the pause 20:00Z–Tue 08:00Z comes too late for it, and the late
        // acknowledgement at 21:00Z stays missed. First answer (still running) moves by 12h to Wed 02:00Z.
        var d = Urgently([new ClockPause(Utc(2, 20), Utc(3, 8))], ack: Utc(2, 21));
        Assert.Equal(Utc(2, 18), d[0].Due);
        Assert.Equal(DeadlineState.Missed, d[0].State);
        Assert.Equal(Utc(4, 2), d[1].Due);
    }

    [Fact]
    public void Compute_OpenPauseStartingAtTheDueInstant_LeavesItDueAndMissedOnceNowPasses()
    {
        var ack = Urgently([new ClockPause(Utc(2, 18), null)])[0];
        Assert.Equal(Utc(2, 18), ack.Due);
        Assert.Equal(DeadlineState.Missed, DeadlineCalculator.EffectiveState(ack.State, ack.Due, Utc(2, 19)));
    }

    [Fact]
    public void Compute_PauseAfterCompletion_DoesNotMoveTheCompletedDeadline()
    {
        var ack = Urgently([new ClockPause(Utc(2, 16), Utc(2, 19))], ack: Utc(2, 15))[0];
        Assert.Equal(Utc(2, 18), ack.Due);
        Assert.Equal(DeadlineState.Met, ack.State);
    }

    [Fact]
    public void Compute_AnsweredWhileClockStopped_IsMet()
    {
        // Paused since 16:00Z; a partial answer at 17:00Z comes while the first-answer clock is stopped (22h left).
        var first = Urgently([new ClockPause(Utc(2, 16), null)], ack: Utc(2, 15), first: Utc(2, 17))[1];
        Assert.Null(first.Due);
        Assert.Equal(Duration.FromHours(22), first.RemainingWhenPaused);
        Assert.Equal(DeadlineState.Met, first.State);
    }

    [Fact]
    public void Compute_Withdrawn_CancelsWhatWasStillRunning()
    {
        var d = Urgently(ack: Utc(2, 15), cancelled: Utc(2, 20));
        Assert.Equal([DeadlineState.Met, DeadlineState.Cancelled, DeadlineState.Cancelled], d.Select(x => x.State));
        Assert.Equal([Utc(2, 18), Utc(3, 14), Utc(5, 14)], d.Select(x => x.Due!.Value));
    }

    [Fact]
    public void Compute_WithdrawnWhilePaused_IsCancelledWithoutDue()
    {
        var first = Urgently([new ClockPause(Utc(2, 16), null)], cancelled: Utc(2, 17))[1];
        Assert.Null(first.Due);
        Assert.Equal(DeadlineState.Cancelled, first.State);
    }

    [Fact]
    public void Compute_BusinessClockWithPause_ShiftsDueByThePausesWorkingTime()
    {
        // Submitted Mon 2 Mar 10:00 EST (15:00Z). Without a pause: acknowledge 14:00 EST (19:00Z); first answer
        // 7h Mon + 8h Tue + 1h → Wed 10:00 EST (15:00Z); final = 5 working days → Mon 9 Mar 10:00 EDT (14:00Z).
        // Paused Mon 11:00 EST → Tue 11:00 EST: 6h + 2h = 8 working hours, so each due moves one working day:
        // Tue 3 Mar 14:00 EST (19:00Z), Thu 5 Mar 10:00 EST (15:00Z), Tue 10 Mar 10:00 EDT (14:00Z).
        var pause = new ClockPause(Utc(2, 16), Utc(3, 16));
        var d = DeadlineCalculator.Compute(Routine, NewYork, new DeadlineHistory(Utc(2, 15), [pause], null, null, null, null));
        Assert.Equal([Utc(3, 19), Utc(5, 15), Utc(10, 14)], d.Select(x => x.Due!.Value));
    }

    [Fact]
    public void Compute_BusinessClockWithOpenPause_KeepsTheRemainingWorkingTime()
    {
        // Submitted Mon 10:00 EST, paused since 11:00 EST: 1 working hour has run.
        var d = DeadlineCalculator.Compute(Routine, NewYork,
            new DeadlineHistory(Utc(2, 15), [new ClockPause(Utc(2, 16), null)], null, null, null, null));
        Assert.Equal([Duration.FromHours(3), Duration.FromHours(15), Duration.FromHours(39)], d.Select(x => x.RemainingWhenPaused!.Value));
    }

    [Fact]
    public void EffectiveState_PendingPastDue_ReadsMissed() =>
        Assert.Equal(DeadlineState.Missed, DeadlineCalculator.EffectiveState(DeadlineState.Pending, Utc(2, 18), Utc(2, 18, 1)));

    [Fact]
    public void EffectiveState_PendingAtOrBeforeDueOrPaused_StaysPending()
    {
        Assert.Equal(DeadlineState.Pending, DeadlineCalculator.EffectiveState(DeadlineState.Pending, Utc(2, 18), Utc(2, 17)));
        Assert.Equal(DeadlineState.Pending, DeadlineCalculator.EffectiveState(DeadlineState.Pending, Utc(2, 18), Utc(2, 18)));
        Assert.Equal(DeadlineState.Pending, DeadlineCalculator.EffectiveState(DeadlineState.Pending, null, Utc(20, 0)));
    }

    [Fact]
    public void EffectiveState_SettledStates_AreKept()
    {
        Assert.Equal(DeadlineState.Met, DeadlineCalculator.EffectiveState(DeadlineState.Met, Utc(2, 18), Utc(5, 0)));
        Assert.Equal(DeadlineState.Cancelled, DeadlineCalculator.EffectiveState(DeadlineState.Cancelled, Utc(2, 18), Utc(5, 0)));
    }
}
