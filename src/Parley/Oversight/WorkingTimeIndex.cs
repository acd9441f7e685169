using NodaTime;
using Parley.Deadlines;

namespace Parley.Oversight;

/// Working time of a business calendar between two instants in constant time: the working time of
/// every day before a date is summed once for a range of dates, so that Between(a, b) = W(b) − W(a),
/// W(t) being the working time before t. Gives the same result as <see cref="BusinessClock.Between"/>,
/// which walks day by day; outside the prepared range it falls back to that.
public sealed class WorkingTimeIndex : IDeadlineClock
{
    private readonly BusinessCalendar _calendar;
    private readonly BusinessClock _fallback;
    private readonly LocalDate _first;
    private readonly Interval?[] _windows;
    private readonly Duration[] _before;

    public WorkingTimeIndex(BusinessCalendar calendar, Instant earliest, Instant latest)
    {
        _calendar = calendar;
        _fallback = new BusinessClock(calendar);
        _first = calendar.DateOf(earliest).PlusDays(-1);
        var days = Math.Max(0, Period.DaysBetween(_first, calendar.DateOf(latest).PlusDays(1))) + 1;
        _windows = new Interval?[days];
        _before = new Duration[days];
        var total = Duration.Zero;
        for (var i = 0; i < days; i++)
        {
            _before[i] = total;
            _windows[i] = calendar.WindowOf(_first.PlusDays(i));
            if (_windows[i] is { } w) total += w.Duration;
        }
    }

    public Instant Add(Instant start, Duration budget) => _fallback.Add(start, budget);

    public Duration Between(Instant start, Instant end)
    {
        if (end <= start) return Duration.Zero;
        return Before(start) is { } a && Before(end) is { } b ? b - a : _fallback.Between(start, end);
    }

    /// Working time between the start of the range and t; null outside the range.
    private Duration? Before(Instant t)
    {
        var index = Period.DaysBetween(_first, _calendar.DateOf(t));
        if (index < 0 || index >= _windows.Length) return null;
        if (_windows[index] is not { } w) return _before[index];
        var inside = t <= w.Start ? Duration.Zero : t >= w.End ? w.Duration : t - w.Start;
        return _before[index] + inside;
    }
}
