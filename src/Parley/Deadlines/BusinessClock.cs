using NodaTime;

namespace Parley.Deadlines;

/// Counts only the working time of a <see cref="BusinessCalendar"/>: time outside the daily window, on
/// non-working days and on holidays does not run. Stateless and thread-safe.
public sealed class BusinessClock(BusinessCalendar calendar) : IDeadlineClock
{
    /// How far ahead to look for working time (about ten years) before giving up.
    public const int MaxDays = 3660;

    /// Walks the working windows from <paramref name="start"/> (from the next window's opening when
    /// start is outside working hours). A budget that runs out exactly at closing time returns closing
    /// time, not the next opening. A zero or negative budget returns start unchanged.
    public Instant Add(Instant start, Duration budget)
    {
        if (budget <= Duration.Zero) return start;
        if (!calendar.HasWorkingTime)
            throw new InvalidOperationException("The business calendar has no working day at all.");
        var remaining = budget;
        var date = calendar.DateOf(start);
        for (var i = 0; i < MaxDays; i++, date = date.PlusDays(1))
        {
            if (calendar.WindowOf(date) is not { } window) continue;
            var from = Max(start, window.Start);
            if (from >= window.End) continue;
            var available = window.End - from;
            if (remaining <= available) return from + remaining;
            remaining -= available;
        }
        throw new InvalidOperationException($"The business calendar has too little working time for {budget} within {MaxDays} days.");
    }

    /// Working time inside [start, end).
    public Duration Between(Instant start, Instant end)
    {
        if (end <= start) return Duration.Zero;
        var total = Duration.Zero;
        var last = calendar.DateOf(end);
        for (var date = calendar.DateOf(start); date <= last; date = date.PlusDays(1))
        {
            if (calendar.WindowOf(date) is not { } window) continue;
            var from = Max(start, window.Start);
            var to = end < window.End ? end : window.End;
            if (to > from) total += to - from;
        }
        return total;
    }

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;
}
