using System.Globalization;

namespace Parley.Pages.Admin;

/// The administration forms take durations as a number of hours (0.5 is half an hour), which is how the
/// agreements state them; the API takes time spans.
public static class Hours
{
    public static string Format(TimeSpan span) => span.TotalHours.ToString("0.##", CultureInfo.InvariantCulture);

    public static TimeSpan? Parse(string? text) =>
        double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var hours) && hours > 0 && hours <= 24 * 366
            ? TimeSpan.FromHours(hours) : null;
}
