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

    public List<TimingFigures> Of((Guid From, Guid To) direction, List<DeadlineRow> rows)
    {
        var result = new List<TimingFigures>();
        foreach (var priority in Enum.GetValues<Priority>())
        {
            var policy = scope.Mechanism.Policies.SingleOrDefault(p => p.Priority == priority);
            var clockKind = policy?.Clock ?? ClockKind.Calendar;
            var clock = clockKind == ClockKind.Business ? Business(direction.To) : CalendarClock.Instance;
            var values = Enum.GetValues<DeadlineKind>().ToDictionary(k => k, _ => new List<double>());
            foreach (var d in rows)
            {
                if (d.Priority != priority || d.CompletedAt is not { } done || done >= scope.To) continue;
                values[d.Kind].Add(Elapsed(clock, d.RequestId, Instant.FromDateTimeUtc(Utc(d.SubmittedAt)), Instant.FromDateTimeUtc(Utc(done))).TotalHours);
            }
            result.Add(new TimingFigures(OversightNames.Of(priority), OversightNames.Of(clockKind),
                Percentile.Of(values[DeadlineKind.Acknowledge]), Percentile.Of(values[DeadlineKind.FirstAnswer]), Percentile.Of(values[DeadlineKind.FinalAnswer])));
        }
        return result;
    }

    private static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);

    /// Clock time from submission to completion, less the clock time of each clarification pause that began before completion.
    private Duration Elapsed(IDeadlineClock clock, Guid requestId, Instant submitted, Instant done)
    {
        var total = clock.Between(submitted, done);
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
