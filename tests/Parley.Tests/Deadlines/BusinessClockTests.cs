using NodaTime;
using Parley.Deadlines;
using Parley.Directory;

namespace Parley.Tests.Deadlines;

/// Working-time arithmetic in New York (EST -05 / EDT -04) and Shanghai (CST +08; CDT +09 in 1986–1991).
/// Every expected instant is worked out by hand in the comment beside it.
public sealed class BusinessClockTests
{
    private static BusinessCalendar Calendar(string zone, WorkingWeek week, int startHour, int startMinute, int endHour,
        params (int Y, int M, int D, CalendarDayKind Kind)[] days)
    {
        var party = new Party
        {
            Code = "XX", Name = "x", TimeZone = zone, WorkingWeek = week,
            WorkdayStart = new TimeOnly(startHour, startMinute), WorkdayEnd = new TimeOnly(endHour, 0),
        };
        foreach (var (y, m, d, kind) in days)
            party.CalendarDays.Add(new CalendarDay { Date = new DateOnly(y, m, d), Kind = kind, Name = kind.ToString() });
        return BusinessCalendar.For(party);
    }

    // Mon–Fri 09:00–17:00; Independence Day observed (Fri 3 July) and Thanksgiving (Thu 26 Nov) 2026.
    private static readonly BusinessClock NewYork = new(Calendar("America/New_York", WorkingWeek.MondayToFriday, 9, 0, 17,
        (2026, 7, 3, CalendarDayKind.Holiday), (2026, 11, 26, CalendarDayKind.Holiday)));

    // Mon–Fri 09:00–17:00; National Day week Thu 1 – Wed 7 Oct 2026; adjusted working days Sun 27 Sept and Sat 10 Oct.
    private static readonly BusinessClock Shanghai = new(Calendar("Asia/Shanghai", WorkingWeek.MondayToFriday, 9, 0, 17,
        (2026, 10, 1, CalendarDayKind.Holiday), (2026, 10, 2, CalendarDayKind.Holiday), (2026, 10, 3, CalendarDayKind.Holiday),
        (2026, 10, 4, CalendarDayKind.Holiday), (2026, 10, 5, CalendarDayKind.Holiday), (2026, 10, 6, CalendarDayKind.Holiday),
        (2026, 10, 7, CalendarDayKind.Holiday), (2026, 9, 27, CalendarDayKind.WorkingDay), (2026, 10, 10, CalendarDayKind.WorkingDay)));

    // A night desk working 00:00–08:00 every day, so the working window itself spans the DST change.
    private static readonly BusinessCalendar NewYorkNights = Calendar("America/New_York", (WorkingWeek)127, 0, 0, 8);

    private static Instant Utc(int y, int m, int d, int h, int min = 0) => Instant.FromUtc(y, m, d, h, min);

    [Fact]
    public void Add_WithinOneWorkingDay_StaysThatDay() =>
        // Tue 3 Mar 10:00 EST (15:00Z) + 3h → 13:00 EST = 18:00Z.
        Assert.Equal(Utc(2026, 3, 3, 18), NewYork.Add(Utc(2026, 3, 3, 15), Duration.FromHours(3)));

    [Fact]
    public void Add_EndingExactlyAtClosingTime_ReturnsClosingTimeNotNextMorning() =>
        // Wed 4 Mar 13:00 EST (18:00Z) + 4h → 17:00 EST = 22:00Z, not Thu 09:00.
        Assert.Equal(Utc(2026, 3, 4, 22), NewYork.Add(Utc(2026, 3, 4, 18), Duration.FromHours(4)));

    [Fact]
    public void Add_FridayAfternoonAcrossTheWeekend_LandsMonday() =>
        // Fri 9 Jan 14:00 EST (19:00Z): 3h Friday, 2h from Mon 12 Jan 09:00 EST → 11:00 EST = 16:00Z.
        Assert.Equal(Utc(2026, 1, 12, 16), NewYork.Add(Utc(2026, 1, 9, 19), Duration.FromHours(5)));

    [Fact]
    public void Add_StartingOnSaturday_CountsFromMondayMorning() =>
        // Sat 10 Jan 12:00 EST (17:00Z) + 1h → Mon 12 Jan 10:00 EST = 15:00Z.
        Assert.Equal(Utc(2026, 1, 12, 15), NewYork.Add(Utc(2026, 1, 10, 17), Duration.FromHours(1)));

    [Fact]
    public void Add_StartingAt20hOnAWeekday_CountsFromNextMorning() =>
        // Tue 13 Jan 20:00 EST (Wed 01:00Z) + 2h → Wed 14 Jan 11:00 EST = 16:00Z.
        Assert.Equal(Utc(2026, 1, 14, 16), NewYork.Add(Utc(2026, 1, 14, 1), Duration.FromHours(2)));

    [Fact]
    public void Add_StartingBeforeOpening_CountsFromOpening() =>
        // Wed 14 Jan 07:30 EST (12:30Z) + 30 min → 09:30 EST = 14:30Z.
        Assert.Equal(Utc(2026, 1, 14, 14, 30), NewYork.Add(Utc(2026, 1, 14, 12, 30), Duration.FromMinutes(30)));

    [Fact]
    public void Add_OverIndependenceDayObserved_SkipsIt() =>
        // Thu 2 Jul 16:00 EDT (20:00Z): 1h; Fri 3 Jul holiday, weekend; 1h from Mon 6 Jul 09:00 EDT → 10:00 EDT = 14:00Z.
        Assert.Equal(Utc(2026, 7, 6, 14), NewYork.Add(Utc(2026, 7, 2, 20), Duration.FromHours(2)));

    [Fact]
    public void Add_StartingOnAHoliday_CountsFromTheNextWorkingMorning() =>
        // Fri 3 Jul 10:00 EDT (14:00Z), a holiday, + 1h → Mon 6 Jul 10:00 EDT = 14:00Z.
        Assert.Equal(Utc(2026, 7, 6, 14), NewYork.Add(Utc(2026, 7, 3, 14), Duration.FromHours(1)));

    [Fact]
    public void Add_OverThanksgiving_SkipsIt() =>
        // Wed 25 Nov 15:00 EST (20:00Z): 2h; Thu 26 Nov holiday; 6h from Fri 27 Nov 09:00 EST → 15:00 EST = 20:00Z.
        Assert.Equal(Utc(2026, 11, 27, 20), NewYork.Add(Utc(2026, 11, 25, 20), Duration.FromHours(8)));

    [Fact]
    public void Add_AcrossSpringForward_OpensMondayAtTheNewOffset() =>
        // Fri 6 Mar 15:00 EST (20:00Z): 2h; clocks go forward Sun 8 Mar; 6h from Mon 9 Mar 09:00 EDT → 15:00 EDT = 19:00Z.
        Assert.Equal(Utc(2026, 3, 9, 19), NewYork.Add(Utc(2026, 3, 6, 20), Duration.FromHours(8)));

    [Fact]
    public void Add_AcrossFallBack_OpensMondayAtTheNewOffset() =>
        // Fri 30 Oct 15:00 EDT (19:00Z): 2h; clocks go back Sun 1 Nov; 6h from Mon 2 Nov 09:00 EST → 15:00 EST = 20:00Z.
        Assert.Equal(Utc(2026, 11, 2, 20), NewYork.Add(Utc(2026, 10, 30, 19), Duration.FromHours(8)));

    [Fact]
    public void Add_Over23HourDay_WindowHasSevenWorkingHours()
    {
        var clock = new BusinessClock(NewYorkNights);
        // Sun 8 Mar: 00:00 EST (05:00Z) to 08:00 EDT (12:00Z) is 7h; the budget ends exactly at closing.
        Assert.Equal(Utc(2026, 3, 8, 12), clock.Add(Utc(2026, 3, 8, 5), Duration.FromHours(7)));
        // One more hour runs from Mon 9 Mar 00:00 EDT (04:00Z) → 05:00Z.
        Assert.Equal(Utc(2026, 3, 9, 5), clock.Add(Utc(2026, 3, 8, 5), Duration.FromHours(8)));
    }

    [Fact]
    public void Between_Over25HourDay_WindowHasNineWorkingHours() =>
        // Sun 1 Nov: 00:00 EDT (04:00Z) to 08:00 EST (13:00Z) is 9h; Mon's window opens at 05:00Z, after the range.
        Assert.Equal(Duration.FromHours(9), new BusinessClock(NewYorkNights).Between(Utc(2026, 11, 1, 0), Utc(2026, 11, 2, 0)));

    [Fact]
    public void WindowOf_OpeningSkippedBySpringForward_OpensAfterTheGap()
    {
        var calendar = Calendar("America/New_York", (WorkingWeek)127, 2, 30, 10);
        // 02:30 does not exist on 8 Mar; it maps to 03:30 EDT = 07:30Z. Closing 10:00 EDT = 14:00Z.
        Assert.Equal(new Interval(Utc(2026, 3, 8, 7, 30), Utc(2026, 3, 8, 14)), calendar.WindowOf(new LocalDate(2026, 3, 8)));
        // 01:30 happens twice on 1 Nov; the earlier (EDT) is 05:30Z. Closing 10:00 EST = 15:00Z.
        var repeated = Calendar("America/New_York", (WorkingWeek)127, 1, 30, 10);
        Assert.Equal(new Interval(Utc(2026, 11, 1, 5, 30), Utc(2026, 11, 1, 15)), repeated.WindowOf(new LocalDate(2026, 11, 1)));
    }

    [Fact]
    public void Add_OverChineseNationalDayWeek_ResumesAfterIt() =>
        // Wed 30 Sep 16:00 CST (08:00Z): 1h; 1–7 Oct holidays; 1h from Thu 8 Oct 09:00 CST → 10:00 CST = 02:00Z.
        Assert.Equal(Utc(2026, 10, 8, 2), Shanghai.Add(Utc(2026, 9, 30, 8), Duration.FromHours(2)));

    [Fact]
    public void Add_OverAnAdjustedWorkingSunday_CountsIt() =>
        // Fri 25 Sep 16:00 CST (08:00Z): 1h; Sun 27 Sep is worked → 1h from 09:00 CST → 10:00 CST = 02:00Z.
        Assert.Equal(Utc(2026, 9, 27, 2), Shanghai.Add(Utc(2026, 9, 25, 8), Duration.FromHours(2)));

    [Fact]
    public void Add_OverAnAdjustedWorkingSaturday_CountsIt() =>
        // Fri 9 Oct 16:00 CST (08:00Z): 1h; Sat 10 Oct is worked → 10:00 CST = 02:00Z.
        Assert.Equal(Utc(2026, 10, 10, 2), Shanghai.Add(Utc(2026, 10, 9, 8), Duration.FromHours(2)));

    [Fact]
    public void Add_AcrossChinasDaylightSavingStartIn1991_OpensMondayAtPlusNine() =>
        // Summer time began Sun 14 Apr 1991 02:00 (+08 → +09). Fri 12 Apr 16:00 CST (08:00Z): 1h;
        // 1h from Mon 15 Apr 09:00 CDT (00:00Z) → 01:00Z.
        Assert.Equal(Utc(1991, 4, 15, 1), Shanghai.Add(Utc(1991, 4, 12, 8), Duration.FromHours(2)));

    [Fact]
    public void Add_AcrossChinasDaylightSavingEndIn1991_OpensMondayAtPlusEight() =>
        // Summer time ended Sun 15 Sep 1991. Fri 13 Sep 16:00 CDT (07:00Z): 1h; 1h from Mon 16 Sep 09:00 CST → 10:00 CST = 02:00Z.
        Assert.Equal(Utc(1991, 9, 16, 2), Shanghai.Add(Utc(1991, 9, 13, 7), Duration.FromHours(2)));

    [Fact]
    public void IsWorkingDay_HolidayOnAnExtraWorkingDay_HolidayWins()
    {
        var calendar = Calendar("Asia/Shanghai", WorkingWeek.MondayToFriday, 9, 0, 17,
            (2026, 9, 27, CalendarDayKind.WorkingDay), (2026, 9, 27, CalendarDayKind.Holiday));
        Assert.False(calendar.IsWorkingDay(new LocalDate(2026, 9, 27)));
    }

    [Fact]
    public void Add_TwoThousandHours_WalksFiftyWeeksPlusTwoHolidays() =>
        // Mon 5 Jan 09:00 EST (14:00Z): 2000h = 250 working days = 50 weeks → Fri 18 Dec, plus the two holidays
        // → Tue 22 Dec 17:00 EST = 22:00Z.
        Assert.Equal(Utc(2026, 12, 22, 22), NewYork.Add(Utc(2026, 1, 5, 14), Duration.FromHours(2000)));

    [Fact]
    public void Add_ZeroBudget_ReturnsStartUnmoved() =>
        // Saturday: a zero budget does not move to Monday.
        Assert.Equal(Utc(2026, 1, 10, 17), NewYork.Add(Utc(2026, 1, 10, 17), Duration.Zero));

    [Fact]
    public void Add_CalendarWithoutWorkingDays_Throws()
    {
        var clock = new BusinessClock(Calendar("UTC", WorkingWeek.None, 9, 0, 17));
        Assert.Throws<InvalidOperationException>(() => clock.Add(Utc(2026, 1, 1, 0), Duration.FromHours(1)));
    }

    [Fact]
    public void Add_BudgetBeyondTheOnlyExtraWorkingDay_ThrowsInsteadOfLoopingForever()
    {
        // No working week; only Mon 2 Mar 2026 is worked (09:00–17:00 UTC).
        var clock = new BusinessClock(Calendar("UTC", WorkingWeek.None, 9, 0, 17, (2026, 3, 2, CalendarDayKind.WorkingDay)));
        Assert.Equal(Utc(2026, 3, 2, 10), clock.Add(Utc(2026, 3, 1, 0), Duration.FromHours(1)));
        Assert.Throws<InvalidOperationException>(() => clock.Add(Utc(2026, 3, 1, 0), Duration.FromHours(9)));
    }

    [Fact]
    public void Between_AcrossSpringForwardWeekend_CountsOnlyWorkingHours() =>
        // Fri 6 Mar 16:00 EST (21:00Z) → Mon 9 Mar 10:00 EDT (14:00Z): 1h + 1h.
        Assert.Equal(Duration.FromHours(2), NewYork.Between(Utc(2026, 3, 6, 21), Utc(2026, 3, 9, 14)));

    [Fact]
    public void Between_OverNationalDayWeek_CountsOnlyTheWorkingDaysAround() =>
        // Wed 30 Sep 09:00 CST (01:00Z) → Fri 9 Oct 09:00 CST (01:00Z): 30 Sep and 8 Oct, 8h each.
        Assert.Equal(Duration.FromHours(16), Shanghai.Between(Utc(2026, 9, 30, 1), Utc(2026, 10, 9, 1)));

    [Fact]
    public void Between_ReversedOrOutsideWorkingHours_IsZero()
    {
        Assert.Equal(Duration.Zero, NewYork.Between(Utc(2026, 1, 12, 16), Utc(2026, 1, 9, 19)));
        // Sat 10 Jan 09:00 EST → Sun 11 Jan 20:00 EST: weekend only.
        Assert.Equal(Duration.Zero, NewYork.Between(Utc(2026, 1, 10, 14), Utc(2026, 1, 12, 1)));
    }

    [Theory]
    // Fri before spring forward, Fri before fall back, eve of Independence Day, eve of Thanksgiving, a Saturday, 20:00 on a Tuesday.
    [InlineData(2026, 3, 6, 20, 0, 13)]
    [InlineData(2026, 10, 30, 19, 30, 40)]
    [InlineData(2026, 7, 2, 13, 15, 3)]
    [InlineData(2026, 11, 25, 15, 0, 17)]
    [InlineData(2026, 1, 10, 17, 0, 9)]
    [InlineData(2026, 1, 14, 1, 0, 1)]
    public void Between_AfterAdd_GivesTheBudgetBack(int y, int m, int d, int h, int min, int hours)
    {
        var start = Utc(y, m, d, h, min);
        var end = NewYork.Add(start, Duration.FromHours(hours));
        Assert.Equal(Duration.FromHours(hours), NewYork.Between(start, end));
        Assert.Equal(end, NewYork.Add(start, NewYork.Between(start, end)));
    }

    [Fact]
    public void Add_OfBetween_LandsOnAnEndInsideWorkingHours()
    {
        Instant[] starts = [Utc(2026, 3, 6, 20), Utc(2026, 3, 7, 15), Utc(2026, 7, 2, 20), Utc(2026, 10, 30, 12)];
        // Mon 9 Mar 10:30 EDT, Mon 6 Jul 16:00 EDT, Mon 2 Nov 09:01 EST, Fri 27 Nov 12:00 EST: all inside working hours.
        Instant[] ends = [Utc(2026, 3, 9, 14, 30), Utc(2026, 7, 6, 20), Utc(2026, 11, 2, 14, 1), Utc(2026, 11, 27, 17)];
        foreach (var start in starts)
            foreach (var end in ends.Where(e => e > start))
                Assert.Equal(end, NewYork.Add(start, NewYork.Between(start, end)));
    }

    [Fact]
    public void For_BusinessKind_ReturnsABusinessClock()
    {
        var party = new Party { Code = "CN", Name = "China", TimeZone = "Asia/Shanghai" };
        Assert.IsType<BusinessClock>(DeadlineClocks.For(ClockKind.Business, party));
    }
}
