using NodaTime;
using Parley.Deadlines;
using Parley.Requests;

namespace Parley.Tests.Deadlines;

/// From a request's events to the history the deadline calculator reads.
public sealed class DeadlineHistoryTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 14, 0);

    private static Instant H(double hours) => T0 + Duration.FromHours(hours);

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
