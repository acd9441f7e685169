using System.Globalization;
using System.Runtime.CompilerServices;

namespace Parley.Stix;

/// <summary>
/// A STIX timestamp: RFC 3339 in UTC (<c>YYYY-MM-DDTHH:mm:ss[.s+]Z</c>), kept exactly as it was
/// sent, with the instant it denotes for comparisons.
/// </summary>
/// <remarks>
/// <para>
/// STIX producers choose the precision (<c>2016-05-12T08:17:27Z</c>,
/// <c>2016-05-12T08:17:27.000Z</c>, <c>2016-05-12T08:17:27.123456Z</c>); <see cref="Text"/>
/// keeps it so an object can be written back exactly as received.
/// </para>
/// <para>
/// Equality and ordering compare <see cref="Instant"/> only, so <c>…27Z</c> and <c>…27.000Z</c>
/// are the same version key. <see cref="Instant"/> has a resolution of 100 ns; digits beyond the
/// seventh are kept in <see cref="Text"/> but do not take part in comparisons. A leap second
/// (<c>:60</c>) is accepted and compares as the last tick of the preceding second.
/// </para>
/// <para>This type is an immutable value and is safe to share between threads.</para>
/// </remarks>
public readonly struct StixTimestamp : IEquatable<StixTimestamp>, IComparable<StixTimestamp>
{
    private StixTimestamp(string text, DateTimeOffset instant, int fractionDigits)
    {
        Text = text;
        Instant = instant;
        FractionDigits = fractionDigits;
    }

    /// <summary>The timestamp exactly as it was sent (or formatted by <see cref="FromInstant"/>).</summary>
    public string Text { get; }

    /// <summary>The instant the timestamp denotes, in UTC.</summary>
    public DateTimeOffset Instant { get; }

    /// <summary>How many digits follow the decimal point of the seconds in <see cref="Text"/> (0 when there is none).</summary>
    public int FractionDigits { get; }

    /// <summary>Parses a STIX timestamp.</summary>
    /// <param name="text">The text, for example <c>2016-04-06T20:03:48.000Z</c>.</param>
    /// <returns>The timestamp.</returns>
    /// <exception cref="FormatException">The text is not a STIX timestamp.</exception>
    public static StixTimestamp Parse(string text) =>
        TryParse(text, out var result)
            ? result
            : throw new FormatException($"'{text}' is not an RFC 3339 UTC timestamp (YYYY-MM-DDTHH:mm:ss[.s+]Z).");

    /// <summary>Tries to parse a STIX timestamp.</summary>
    /// <param name="text">The text, for example <c>2016-04-06T20:03:48.000Z</c>.</param>
    /// <param name="result">The timestamp, when the text is one.</param>
    /// <returns>Whether the text is a STIX timestamp: the form above, a real calendar date and time, ending in <c>Z</c>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(string? text, out StixTimestamp result)
    {
        result = default;
        if (text is null || text.Length < 20 || text[^1] != 'Z')
        {
            return false;
        }

        var s = text.AsSpan();
        if (!Digits(s, 0, 4) || s[4] != '-' || !Digits(s, 5, 2) || s[7] != '-' || !Digits(s, 8, 2) ||
            s[10] != 'T' || !Digits(s, 11, 2) || s[13] != ':' || !Digits(s, 14, 2) || s[16] != ':' ||
            !Digits(s, 17, 2))
        {
            return false;
        }

        var fractionDigits = 0;
        if (s[19] == '.')
        {
            fractionDigits = s.Length - 21;
            if (fractionDigits < 1 || !Digits(s, 20, fractionDigits))
            {
                return false;
            }
        }
        else if (s.Length != 20)
        {
            return false;
        }

        int year = Number(s, 0, 4), month = Number(s, 5, 2), day = Number(s, 8, 2);
        int hour = Number(s, 11, 2), minute = Number(s, 14, 2), second = Number(s, 17, 2);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) ||
            hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        long ticks = 0;
        if (second == 60)
        {
            second = 59;
            ticks = TimeSpan.TicksPerSecond - 1;
        }
        else
        {
            // Ticks are tenths of a microsecond: the first seven digits of the fraction, missing ones as zeros.
            for (var i = 0; i < 7; i++)
            {
                ticks = ticks * 10 + (i < fractionDigits ? s[20 + i] - '0' : 0);
            }
        }

        var instant = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).AddTicks(ticks);
        result = new StixTimestamp(text, instant, fractionDigits);
        return true;
    }

    /// <summary>Formats an instant as a STIX timestamp.</summary>
    /// <param name="instant">The instant; converted to UTC.</param>
    /// <param name="fractionDigits">Digits after the decimal point, 0 to 7; STIX requires at least 3 (milliseconds) for <c>created</c> and <c>modified</c>.</param>
    /// <returns>The timestamp, truncated (not rounded) to the requested precision.</returns>
    public static StixTimestamp FromInstant(DateTimeOffset instant, int fractionDigits = 3)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fractionDigits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fractionDigits, 7);
        var utc = instant.ToUniversalTime();
        var format = fractionDigits == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : $"yyyy-MM-dd'T'HH:mm:ss.{new string('f', fractionDigits)}'Z'";
        var text = utc.ToString(format, CultureInfo.InvariantCulture);
        return Parse(text);
    }

    /// <inheritdoc/>
    public bool Equals(StixTimestamp other) => Instant == other.Instant;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is StixTimestamp other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Instant.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(StixTimestamp other) => Instant.CompareTo(other.Instant);

    /// <summary>Returns <see cref="Text"/>.</summary>
    /// <returns>The timestamp as sent.</returns>
    public override string ToString() => Text ?? string.Empty;

    /// <summary>Whether two timestamps denote the same instant.</summary>
    public static bool operator ==(StixTimestamp left, StixTimestamp right) => left.Equals(right);

    /// <summary>Whether two timestamps denote different instants.</summary>
    public static bool operator !=(StixTimestamp left, StixTimestamp right) => !left.Equals(right);

    /// <summary>Whether <paramref name="left"/> is earlier than <paramref name="right"/>.</summary>
    public static bool operator <(StixTimestamp left, StixTimestamp right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> is later than <paramref name="right"/>.</summary>
    public static bool operator >(StixTimestamp left, StixTimestamp right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> is earlier than or the same as <paramref name="right"/>.</summary>
    public static bool operator <=(StixTimestamp left, StixTimestamp right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> is later than or the same as <paramref name="right"/>.</summary>
    public static bool operator >=(StixTimestamp left, StixTimestamp right) => left.CompareTo(right) >= 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Digits(ReadOnlySpan<char> s, int start, int count)
    {
        if (start + count > s.Length - 1)
        {
            return false;
        }

        foreach (var c in s.Slice(start, count))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    // The digits were checked by Digits.
    private static int Number(ReadOnlySpan<char> s, int start, int count)
    {
        var value = 0;
        foreach (var c in s.Slice(start, count))
        {
            value = value * 10 + (c - '0');
        }

        return value;
    }
}
