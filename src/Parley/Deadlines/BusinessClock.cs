using NodaTime;

namespace Parley.Deadlines;

/// Counts only working time of a <see cref="BusinessCalendar"/>.
public sealed class BusinessClock(BusinessCalendar calendar) : IDeadlineClock
{
    private const int MaxDays = 3660;

    public Instant Add(Instant start, Duration budget)
    {
        if (budget <= Duration.Zero) return start;
        var remaining = budget;
        var date = calendar.DateOf(start);
        for (var i = 0; i < MaxDays; i++, date = date.PlusDays(1))
        {
            if (calendar.WindowOf(date) is not var (open, close)) continue;
            var from = start > open ? start : open;
            if (from >= close) continue;
            var available = close - from;
            if (remaining <= available) return from + remaining;
            remaining -= available;
        }
        throw new InvalidOperationException("The calendar has no working time within ten years.");
    }

    public Duration Between(Instant start, Instant end)
    {
        if (end <= start) return Duration.Zero;
        var total = Duration.Zero;
        var last = calendar.DateOf(end);
        for (var date = calendar.DateOf(start); date <= last; date = date.PlusDays(1))
        {
            if (calendar.WindowOf(date) is not var (open, close)) continue;
            var from = start > open ? start : open;
            var to = end < close ? end : close;
            if (to > from) total += to - from;
        }
        return total;
    }
}
