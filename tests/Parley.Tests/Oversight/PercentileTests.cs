using NodaTime;
using Parley.Deadlines;
using Parley.Directory;
using Parley.Oversight;

namespace Parley.Tests.Oversight;

public sealed class PercentileTests
{
    [Theory]
    [InlineData(new double[] { 7 }, 7, 7)]
    [InlineData(new double[] { 4, 1, 3, 2 }, 2, 4)]                        // median rank ⌈2⌉ = 2; p90 rank ⌈3.6⌉ = 4
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 5, 9)]     // ranks 5 and 9
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, 6, 10)] // ranks ⌈5.5⌉ = 6 and ⌈9.9⌉ = 10
    public void NearestRank_PicksTheValueAtRankCeilingOfPN(double[] values, double median, double p90)
    {
        var stat = Percentile.Of([.. values]);
        Assert.Equal((values.Length, median, p90), (stat.Count, stat.Median!.Value, stat.P90!.Value));
    }

    [Fact]
    public void NearestRank_OfNothing_IsNull() => Assert.Equal(new Stat(0, null, null), Percentile.Of([]));

    [Fact]
    public void WorkingTimeIndex_MeasuresLikeTheBusinessClock_AcrossWeekendsHolidaysAndDst()
    {
        var party = new Party { Id = Guid.NewGuid(), Code = "US", Name = "US", TimeZone = "America/New_York" };
        party.CalendarDays.Add(new CalendarDay { Date = new DateOnly(2026, 7, 3), Kind = CalendarDayKind.Holiday, Name = "Independence Day (observed)" });
        var calendar = BusinessCalendar.For(party);
        var start = Instant.FromUtc(2026, 3, 1, 0, 0);
        var index = new WorkingTimeIndex(calendar, start, start.Plus(Duration.FromDays(200)));
        var walk = new BusinessClock(calendar);
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var a = start.Plus(Duration.FromMinutes(random.Next(0, 200 * 24 * 60)));
            var b = a.Plus(Duration.FromMinutes(random.Next(0, 30 * 24 * 60)));
            Assert.Equal(walk.Between(a, b), index.Between(a, b));
        }
        // Friday 16:00 to Monday 10:00 New York: one hour on Friday, one on Monday.
        Assert.Equal(Duration.FromHours(2), index.Between(Instant.FromUtc(2026, 3, 6, 21, 0), Instant.FromUtc(2026, 3, 9, 14, 0)));
    }
}
