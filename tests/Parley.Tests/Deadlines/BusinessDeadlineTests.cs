using NodaTime;
using Parley.Deadlines;
using Parley.Directory;

namespace Parley.Tests.Deadlines;

/// Working-time arithmetic of the responding party. Every expected instant is worked out by hand in the comment beside it.
public sealed class BusinessDeadlineTests
{
    private static BusinessClock Clock(string zone, params (int Y, int M, int D, CalendarDayKind Kind)[] days)
    {
        var party = new Party { Code = "XX", Name = "x", TimeZone = zone };
        foreach (var (y, m, d, kind) in days)
            party.CalendarDays.Add(new CalendarDay { Date = new DateOnly(y, m, d), Kind = kind, Name = kind.ToString() });
        return new BusinessClock(BusinessCalendar.For(party));
    }

    private static readonly BusinessClock NewYork = Clock("America/New_York",
        (2026, 7, 3, CalendarDayKind.Holiday), (2026, 11, 26, CalendarDayKind.Holiday));

    private static readonly BusinessClock Shanghai = Clock("Asia/Shanghai",
        (2026, 10, 1, CalendarDayKind.Holiday), (2026, 10, 2, CalendarDayKind.Holiday), (2026, 10, 3, CalendarDayKind.Holiday),
        (2026, 10, 4, CalendarDayKind.Holiday), (2026, 10, 5, CalendarDayKind.Holiday), (2026, 10, 6, CalendarDayKind.Holiday),
        (2026, 10, 7, CalendarDayKind.Holiday), (2026, 10, 10, CalendarDayKind.WorkingDay));

    private static Instant Utc(int y, int m, int d, int h, int min = 0) => Instant.FromUtc(y, m, d, h, min);

    [Fact]
    public void Add_WithinOneWorkingDay_StaysThatDay() =>
        // Tue 3 March 10:00 EST (15:00Z) + 4h → 14:00 EST = 19:00Z.
        Assert.Equal(Utc(2026, 3, 3, 19), NewYork.Add(Utc(2026, 3, 3, 15), Duration.FromHours(4)));

    [Fact]
    public void Add_EndingExactlyAtClosingTime_IsClosingTimeNotNextMorning() =>
        // Tue 09:00 EST (14:00Z) + 8h → 17:00 EST = 22:00Z.
        Assert.Equal(Utc(2026, 3, 3, 22), NewYork.Add(Utc(2026, 3, 3, 14), Duration.FromHours(8)));

    [Fact]
    public void Add_AcrossAWeekend_ResumesMonday() =>
        // Fri 13 March 15:00 EDT (19:00Z): 2h on Friday, 2h from Mon 16 March 09:00 EDT → 11:00 EDT = 15:00Z.
        Assert.Equal(Utc(2026, 3, 16, 15), NewYork.Add(Utc(2026, 3, 13, 19), Duration.FromHours(4)));

    [Fact]
    public void Add_StartingOnSaturday_StartsCountingMondayMorning() =>
        // Sat 14 March 12:00 EDT (16:00Z) + 1h → Mon 16 March 10:00 EDT = 14:00Z.
        Assert.Equal(Utc(2026, 3, 16, 14), NewYork.Add(Utc(2026, 3, 14, 16), Duration.FromHours(1)));

    [Fact]
    public void Add_StartingInTheEvening_StartsCountingNextMorning() =>
        // Tue 17 March 20:00 EDT (Wed 00:00Z) + 2h → Wed 18 March 11:00 EDT = 15:00Z.
        Assert.Equal(Utc(2026, 3, 18, 15), NewYork.Add(Utc(2026, 3, 18, 0), Duration.FromHours(2)));

    [Fact]
    public void Add_OverAPublicHoliday_SkipsIt() =>
        // Thu 2 July 16:00 EDT (20:00Z): 1h Thursday; Fri 3 July is Independence Day (observed), then the weekend;
        // 1h from Mon 6 July 09:00 EDT → 10:00 EDT = 14:00Z.
        Assert.Equal(Utc(2026, 7, 6, 14), NewYork.Add(Utc(2026, 7, 2, 20), Duration.FromHours(2)));

    [Fact]
    public void Add_OverThanksgiving_SkipsIt() =>
        // Wed 25 Nov 13:00 EST (18:00Z): 4h Wednesday; Thu 26 Nov is Thanksgiving; 4h Fri 27 Nov → 13:00 EST = 18:00Z.
        Assert.Equal(Utc(2026, 11, 27, 18), NewYork.Add(Utc(2026, 11, 25, 18), Duration.FromHours(8)));

    [Fact]
    public void Add_AcrossSpringForward_UsesTheNewOffset() =>
        // Fri 6 March 15:00 EST (20:00Z): 2h Friday; clocks go forward Sun 8 March; 6h from Mon 9 March 09:00 EDT
        // → 15:00 EDT = 19:00Z (not 20:00Z as a fixed UTC-5 would give).
        Assert.Equal(Utc(2026, 3, 9, 19), NewYork.Add(Utc(2026, 3, 6, 20), Duration.FromHours(8)));

    [Fact]
    public void Add_AcrossFallBack_UsesTheNewOffset() =>
        // Fri 30 Oct 15:00 EDT (19:00Z): 2h Friday; clocks go back Sun 1 Nov; 6h from Mon 2 Nov 09:00 EST → 15:00 EST = 20:00Z.
        Assert.Equal(Utc(2026, 11, 2, 20), NewYork.Add(Utc(2026, 10, 30, 19), Duration.FromHours(8)));

    [Fact]
    public void Add_OverChineseNationalDayWeek_ResumesAfterIt() =>
        // Wed 30 Sept 16:00 CST (08:00Z): 1h; 1–7 October are holidays; 1h from Thu 8 Oct 09:00 CST → 10:00 CST = 02:00Z.
        Assert.Equal(Utc(2026, 10, 8, 2), Shanghai.Add(Utc(2026, 9, 30, 8), Duration.FromHours(2)));

    [Fact]
    public void Add_OnAnAdjustedWeekendWorkingDay_CountsIt() =>
        // Fri 9 Oct 16:00 CST (08:00Z): 1h; Sat 10 Oct is a working day in exchange for the holiday → 10:00 CST = 02:00Z.
        Assert.Equal(Utc(2026, 10, 10, 2), Shanghai.Add(Utc(2026, 10, 9, 8), Duration.FromHours(2)));

    [Fact]
    public void Add_AcrossChinasLastDaylightSavingChange_In1991() =>
        // China kept summer time until 1991; it began Sun 14 April 1991 (UTC+8 → UTC+9).
        // Fri 12 April 16:00 CST (08:00Z): 1h; 1h from Mon 15 April 09:00 CDT (00:00Z) → 01:00Z.
        Assert.Equal(Utc(1991, 4, 15, 1), Shanghai.Add(Utc(1991, 4, 12, 8), Duration.FromHours(2)));

    [Fact]
    public void Between_AcrossAWeekend_CountsOnlyWorkingHours() =>
        // Fri 13 March 16:00 EDT → Mon 16 March 10:00 EDT: 1h + 1h.
        Assert.Equal(Duration.FromHours(2), NewYork.Between(Utc(2026, 3, 13, 20), Utc(2026, 3, 16, 14)));

    [Fact]
    public void Between_ReversedOrEmpty_IsZero()
    {
        Assert.Equal(Duration.Zero, NewYork.Between(Utc(2026, 3, 16, 14), Utc(2026, 3, 13, 20)));
        Assert.Equal(Duration.Zero, NewYork.Between(Utc(2026, 3, 14, 14), Utc(2026, 3, 15, 20)));
    }

    [Fact]
    public void Add_ZeroBudget_ReturnsStart() =>
        Assert.Equal(Utc(2026, 3, 14, 16), NewYork.Add(Utc(2026, 3, 14, 16), Duration.Zero));

    [Theory]
    [InlineData(2026, 3, 6, 20, 13)]
    [InlineData(2026, 10, 30, 19, 40)]
    [InlineData(2026, 7, 2, 13, 3)]
    [InlineData(2026, 11, 25, 15, 17)]
    public void BetweenThenAdd_LandsBackOnTheEnd(int y, int m, int d, int h, int workingHours)
    {
        var start = Utc(y, m, d, h);
        var end = NewYork.Add(start, Duration.FromHours(workingHours));
        Assert.Equal(Duration.FromHours(workingHours), NewYork.Between(start, end));
        Assert.Equal(end, NewYork.Add(start, NewYork.Between(start, end)));
    }

    [Fact]
    public void Add_CalendarWithNoWorkingDays_Throws()
    {
        var party = new Party { Code = "XX", Name = "x", TimeZone = "UTC", WorkingWeek = WorkingWeek.None };
        var clock = new BusinessClock(BusinessCalendar.For(party));
        Assert.Throws<InvalidOperationException>(() => clock.Add(Utc(2026, 1, 1, 0), Duration.FromHours(1)));
    }
}
