using NodaTime;
using Parley.Deadlines;
using Parley.Directory;
using Parley.Requests;
using static Parley.Oversight.RequestFiguresQuery;

namespace Parley.Oversight;

/// Times to acknowledge, to first answer and to final answer, per priority, on each priority's clock with
/// the time awaiting clarification taken out.
public sealed class RequestTimings(ReportScope scope, ILookup<Guid, PauseEvent> pauses)
{
    private readonly Dictionary<Guid, IDeadlineClock> _business = new();

    public List<TimingFigures> Of((Guid From, Guid To) direction, List<RequestRow> rows)
    {
        var result = new List<TimingFigures>();
        foreach (var priority in Enum.GetValues<Priority>())
        {
            var policy = scope.Mechanism.Policies.SingleOrDefault(p => p.Priority == priority);
            var clockKind = policy?.Clock ?? ClockKind.Calendar;
            var clock = clockKind == ClockKind.Business ? Business(direction.To) : CalendarClock.Instance;
            List<double> ack = [], first = [], final = [];
            foreach (var r in rows.Where(r => r.Priority == priority))
            {
                var submitted = Instant.FromDateTimeUtc(Utc(r.SubmittedAt));
                void Add(List<double> values, DateTime? completed)
                {
                    if (completed is { } done && done < scope.To)
                        values.Add(Elapsed(clock, r.Id, submitted, Instant.FromDateTimeUtc(Utc(done))).TotalHours);
                }
                Add(ack, r.Acknowledge.CompletedAt);
                Add(first, r.FirstAnswer.CompletedAt);
                Add(final, r.FinalAnswer.CompletedAt);
            }
            result.Add(new TimingFigures(OversightNames.Of(priority), OversightNames.Of(clockKind), Percentile.Of(ack), Percentile.Of(first), Percentile.Of(final)));
        }
        return result;
    }

    private static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);

    /// Clock time from submission to completion, less the clock time of each clarification pause that began before completion.
    private Duration Elapsed(IDeadlineClock clock, Guid requestId, Instant submitted, Instant done)
    {
        var total = clock.Between(submitted, done);
        if (!pauses.Contains(requestId)) return total;
        Instant? open = null;
        foreach (var e in pauses[requestId].OrderBy(e => e.Sequence))
        {
            var at = Instant.FromDateTimeUtc(Utc(e.OccurredAt));
            if (e.Type == RequestEventType.ClarificationRequested) open ??= at;
            else if (open is { } start)
            {
                total -= Paused(clock, start, at, submitted, done);
                open = null;
            }
        }
        if (open is { } still) total -= Paused(clock, still, done, submitted, done);
        return total;
    }

    private static Duration Paused(IDeadlineClock clock, Instant start, Instant end, Instant submitted, Instant done)
    {
        var from = start > submitted ? start : submitted;
        var to = end < done ? end : done;
        return clock.Between(from, to);
    }

    private IDeadlineClock Business(Guid respondingParty)
    {
        if (_business.TryGetValue(respondingParty, out var clock)) return clock;
        var calendar = BusinessCalendar.For(scope.Parties[respondingParty]);
        clock = new WorkingTimeIndex(calendar, Instant.FromDateTimeUtc(Utc(scope.From)), Instant.FromDateTimeUtc(Utc(scope.To)));
        return _business[respondingParty] = clock;
    }
}
