using Parley.Incidents;

namespace Parley.Tests.Incidents;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("2015-09-25", "2015-09-25", DatePrecision.Day)]
    [InlineData("2015-09-25T13:00:00Z", "2015-09-25", DatePrecision.Day)]
    [InlineData("2015-09", "2015-09", DatePrecision.Month)]
    [InlineData("2015", "2015", DatePrecision.Year)]
    [InlineData("9/25/2015", "2015-09-25", DatePrecision.Day)]
    [InlineData("09/05/2015", "2015-09-05", DatePrecision.Day)]
    [InlineData("September 2015", "2015-09", DatePrecision.Month)]
    [InlineData("Sep 25, 2015", "2015-09-25", DatePrecision.Day)]
    [InlineData("25 September 2015", "2015-09-25", DatePrecision.Day)]
    public void TryParse_KeepsThePrecision(string text, string expected, DatePrecision precision)
    {
        Assert.True(PartialDate.TryParse(text, out var date));
        Assert.Equal(expected, date.ToString());
        Assert.Equal(precision, date.Precision);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2015-13")]
    [InlineData("2015-02-30")]
    [InlineData("13/01/2015")]
    [InlineData("last spring")]
    public void TryParse_Nonsense_IsFalse(string text) => Assert.False(PartialDate.TryParse(text, out _));

    [Fact]
    public void MonthOnly_SpansTheMonth_AndIsNotTheFirst()
    {
        PartialDate.TryParse("2016-02", out var date);
        Assert.Equal((new DateOnly(2016, 2, 1), new DateOnly(2016, 2, 29)), (date.Start, date.End));
        Assert.Null(date.Day);
    }
}
