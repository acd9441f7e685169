using System.Globalization;
using CsCheck;
using Parley.Data;
using Parley.Intel;

namespace Parley.Tests.Data;

public sealed class MicrosecondTextTests
{
    [Fact]
    public void Write_AnyInstant_GivesWhatTheCustomFormatGave() =>
        Gen.DateTime.Sample(instant =>
        {
            var text = new char[MicrosecondText.Length];
            MicrosecondText.Write(text, instant, ' ');
            Assert.Equal(instant.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture), new string(text));
        });

    [Theory]
    [InlineData(0L, "0001-01-01T00:00:00.000000Z")]
    [InlineData(3155378975999999999L, "9999-12-31T23:59:59.999999Z")]
    [InlineData(639_028_224_001_234_567L, "2026-01-01T00:00:00.123456Z")]
    public void Format_Instant_IsAStixTimestampToTheMicrosecond(long ticks, string expected) =>
        Assert.Equal(expected, StoredVersions.Format(new DateTime(ticks, DateTimeKind.Utc)));
}
