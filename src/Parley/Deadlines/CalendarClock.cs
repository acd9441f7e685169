using NodaTime;

namespace Parley.Deadlines;

/// Elapsed wall-clock time: every hour counts.
public sealed class CalendarClock : IDeadlineClock
{
    public static readonly CalendarClock Instance = new();

    public Instant Add(Instant start, Duration budget) => start + budget;

    public Duration Between(Instant start, Instant end) => end > start ? end - start : Duration.Zero;
}
