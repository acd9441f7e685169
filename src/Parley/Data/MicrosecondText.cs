namespace Parley.Data;

/// Writes a UTC instant to the microsecond, the precision both databases keep: "2026-01-01 12:00:00.000000".
/// Digit by digit rather than through DateTime's custom format strings, whose interpreter was a tenth of a
/// fresh import's writer time (the COPY rows hold two instants each, and every SCO one version text).
internal static class MicrosecondText
{
    /// The characters <see cref="Write"/> fills.
    public const int Length = 26;

    /// Fills the first <see cref="Length"/> characters of <paramref name="into"/>; <paramref name="separator"/>
    /// goes between the date and the time. Ticks below the microsecond are dropped, not rounded.
    public static void Write(Span<char> into, DateTime instant, char separator)
    {
        Digits(into[..4], instant.Year);
        into[4] = '-';
        Digits(into.Slice(5, 2), instant.Month);
        into[7] = '-';
        Digits(into.Slice(8, 2), instant.Day);
        into[10] = separator;
        Digits(into.Slice(11, 2), instant.Hour);
        into[13] = ':';
        Digits(into.Slice(14, 2), instant.Minute);
        into[16] = ':';
        Digits(into.Slice(17, 2), instant.Second);
        into[19] = '.';
        Digits(into.Slice(20, 6), (int)(instant.Ticks % TimeSpan.TicksPerSecond / 10));
    }

    private static void Digits(Span<char> into, int value)
    {
        for (var i = into.Length - 1; i >= 0; i--)
        {
            into[i] = (char)('0' + value % 10);
            value /= 10;
        }
    }
}
