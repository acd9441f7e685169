using System.Globalization;
using System.Text.RegularExpressions;

namespace Parley.Incidents;

/// A date known to the year, the month or the day: "2015", "2015-09", "2015-09-25".
/// A month-only date is never silently the 1st: <see cref="Start"/> and <see cref="End"/> bound it.
public readonly partial record struct PartialDate
{
    public int Year { get; }
    public int? Month { get; }
    public int? Day { get; }

    public PartialDate(int year, int? month = null, int? day = null)
    {
        if (year is < 1900 or > 2100) throw new ArgumentOutOfRangeException(nameof(year));
        if (month is not null and not (>= 1 and <= 12)) throw new ArgumentOutOfRangeException(nameof(month));
        if (day is not null && (month is null || day < 1 || day > DateTime.DaysInMonth(year, month.Value)))
            throw new ArgumentOutOfRangeException(nameof(day));
        (Year, Month, Day) = (year, month, day);
    }

    public DatePrecision Precision => Day is not null ? DatePrecision.Day : Month is not null ? DatePrecision.Month : DatePrecision.Year;

    public DateOnly Start => new(Year, Month ?? 1, Day ?? 1);

    public DateOnly End => Precision switch
    {
        DatePrecision.Day => Start,
        DatePrecision.Month => Start.AddMonths(1).AddDays(-1),
        _ => new DateOnly(Year, 12, 31),
    };

    public static PartialDate From(DateOnly start, DatePrecision precision) => precision switch
    {
        DatePrecision.Day => new(start.Year, start.Month, start.Day),
        DatePrecision.Month => new(start.Year, start.Month),
        _ => new(start.Year),
    };

    public override string ToString() => Precision switch
    {
        DatePrecision.Day => $"{Year:0000}-{Month:00}-{Day:00}",
        DatePrecision.Month => $"{Year:0000}-{Month:00}",
        _ => $"{Year:0000}",
    };

    /// Reads ISO (2015-09-25, 2015-09, 2015, with or without a time), US (9/25/2015) and
    /// month-name forms (September 2015, Sep 25, 2015, 25 September 2015).
    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        try
        {
            if (Iso().Match(text) is { Success: true } iso)
            {
                date = new PartialDate(Int(iso, "y"), OptInt(iso, "m"), OptInt(iso, "d"));
                return true;
            }
            if (Us().Match(text) is { Success: true } us)
            {
                date = new PartialDate(Int(us, "y"), Int(us, "m"), Int(us, "d"));
                return true;
            }
            foreach (var format in NameFormats)
                if (DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
                {
                    date = format.Contains('d') ? new PartialDate(parsed.Year, parsed.Month, parsed.Day) : new PartialDate(parsed.Year, parsed.Month);
                    return true;
                }
        }
        catch (ArgumentOutOfRangeException)
        {
            // 2015-02-30 and the like: well formed, but no such day.
        }
        return false;
    }

    private static readonly string[] NameFormats = ["MMMM yyyy", "MMM yyyy", "MMMM d, yyyy", "MMM d, yyyy", "d MMMM yyyy", "d MMM yyyy"];

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static int? OptInt(Match m, string group) => m.Groups[group].Success ? Int(m, group) : null;

    [GeneratedRegex(@"^(?<y>\d{4})(?:-(?<m>\d{1,2})(?:-(?<d>\d{1,2})(?:[T ].*)?)?)?$")]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(?<m>\d{1,2})/(?<d>\d{1,2})/(?<y>\d{4})$")]
    private static partial Regex Us();
}
