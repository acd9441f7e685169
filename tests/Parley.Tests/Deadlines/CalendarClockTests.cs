using NodaTime;
using Parley.Deadlines;
using Parley.Directory;

namespace Parley.Tests.Deadlines;

/// Elapsed-time clock. Expected instants are worked out by hand in the comment beside them.
public sealed class CalendarClockTests
{
    private static readonly CalendarClock Clock = CalendarClock.Instance;

    [Fact]
    public void Add_FourHours_IsFourHoursLater() =>
        // 2026-03-02 14:00Z + 4h → 18:00Z.
        Assert.Equal(Instant.FromUtc(2026, 3, 2, 18, 0), Clock.Add(Instant.FromUtc(2026, 3, 2, 14, 0), Duration.FromHours(4)));

    [Fact]
    public void Add_OverAWeekendAndNewYorkSpringForward_CountsEveryElapsedHour() =>
        // Fri 2026-03-06 20:00Z + 72h → Mon 2026-03-09 20:00Z; nights, weekends and DST changes all count.
        Assert.Equal(Instant.FromUtc(2026, 3, 9, 20, 0), Clock.Add(Instant.FromUtc(2026, 3, 6, 20, 0), Duration.FromHours(72)));

    [Fact]
    public void Add_ZeroBudget_ReturnsStart() =>
        Assert.Equal(Instant.FromUtc(2026, 3, 7, 12, 0), Clock.Add(Instant.FromUtc(2026, 3, 7, 12, 0), Duration.Zero));

    [Fact]
    public void Between_TwoInstants_IsTheirDifference() =>
        // Sat 2026-03-07 10:00Z → Mon 2026-03-09 12:30Z: 2 days 2.5h = 50.5h.
        Assert.Equal(Duration.FromMinutes(50 * 60 + 30),
            Clock.Between(Instant.FromUtc(2026, 3, 7, 10, 0), Instant.FromUtc(2026, 3, 9, 12, 30)));

    [Fact]
    public void Between_EndNotAfterStart_IsZero()
    {
        Assert.Equal(Duration.Zero, Clock.Between(Instant.FromUtc(2026, 3, 9, 12, 0), Instant.FromUtc(2026, 3, 7, 10, 0)));
        Assert.Equal(Duration.Zero, Clock.Between(Instant.FromUtc(2026, 3, 9, 12, 0), Instant.FromUtc(2026, 3, 9, 12, 0)));
    }

    [Fact]
    public void For_CalendarKind_ReturnsTheCalendarClock()
    {
        var party = new Party { Code = "US", Name = "United States", TimeZone = "America/New_York" };
        Assert.Same(CalendarClock.Instance, DeadlineClocks.For(ClockKind.Calendar, party));
    }
}
