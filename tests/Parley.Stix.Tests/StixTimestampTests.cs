namespace Parley.Stix.Tests;

public sealed class StixTimestampTests
{
    [Theory]
    [InlineData("2016-05-12T08:17:27Z", 0)]
    [InlineData("2016-05-12T08:17:27.000Z", 3)]
    [InlineData("2016-05-12T08:17:27.123456789Z", 9)]
    public void TryParse_ValidTimestamp_KeepsTextAndPrecision(string text, int digits)
    {
        Assert.True(StixTimestamp.TryParse(text, out var timestamp));
        Assert.Equal(text, timestamp.Text);
        Assert.Equal(digits, timestamp.FractionDigits);
    }

    [Theory]
    [InlineData("2016-05-12T08:17:27Z", 2016, 5, 12, 8, 17, 27, 0L)]
    [InlineData("2016-05-12T08:17:27.5Z", 2016, 5, 12, 8, 17, 27, 5_000_000L)]
    [InlineData("2016-05-12T08:17:27.123456789Z", 2016, 5, 12, 8, 17, 27, 1_234_567L)]
    [InlineData("0001-01-01T00:00:00.0000001Z", 1, 1, 1, 0, 0, 0, 1L)]
    [InlineData("9999-12-31T23:59:59.9999999Z", 9999, 12, 31, 23, 59, 59, 9_999_999L)]
    public void TryParse_ValidTimestamp_GivesTheInstantToTheTick(string text, int year, int month, int day, int hour, int minute, int second, long ticks)
    {
        Assert.True(StixTimestamp.TryParse(text, out var timestamp));
        Assert.Equal(new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).AddTicks(ticks), timestamp.Instant);
    }

    [Theory]
    [InlineData("2016-05-12T08:17:27")]
    [InlineData("2016-05-12T08:17:27+00:00")]
    [InlineData("2016-05-12t08:17:27Z")]
    [InlineData("2016-13-12T08:17:27Z")]
    [InlineData("2015-02-29T08:17:27Z")]
    [InlineData("2016-05-12T24:00:00Z")]
    [InlineData("2016-05-12T08:17:27.Z")]
    [InlineData("")]
    public void TryParse_NotAStixTimestamp_ReturnsFalse(string text)
    {
        Assert.False(StixTimestamp.TryParse(text, out _));
    }

    [Fact]
    public void Equals_SameInstantDifferentPrecision_AreEqualButKeepTheirText()
    {
        var a = StixTimestamp.Parse("2016-05-12T08:17:27Z");
        var b = StixTimestamp.Parse("2016-05-12T08:17:27.000Z");

        Assert.Equal(a, b);
        Assert.NotEqual(a.Text, b.Text);
    }

    [Fact]
    public void CompareTo_MillisecondApart_OrdersByInstant()
    {
        var earlier = StixTimestamp.Parse("2016-05-12T08:17:27.001Z");
        var later = StixTimestamp.Parse("2016-05-12T08:17:27.002Z");

        Assert.True(earlier < later);
        Assert.True(later >= earlier);
    }

    [Fact]
    public void TryParse_LeapSecond_IsAcceptedAsLastTickOfTheMinute()
    {
        Assert.True(StixTimestamp.TryParse("2016-12-31T23:59:60Z", out var leap));
        Assert.True(leap > StixTimestamp.Parse("2016-12-31T23:59:59.999Z"));
    }

    [Fact]
    public void FromInstant_Milliseconds_FormatsWithThreeDigits()
    {
        var timestamp = StixTimestamp.FromInstant(new DateTimeOffset(2026, 3, 1, 10, 0, 0, 123, TimeSpan.FromHours(2)));

        Assert.Equal("2026-03-01T08:00:00.123Z", timestamp.Text);
    }
}
