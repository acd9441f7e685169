using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace Parley.Hotline;

/// Reads a date-time a person typed for a party: a wall-clock time in the party's zone
/// ("2026-03-08T08:00") or an instant with its offset ("2026-03-08T08:00-04:00", "…Z").
public static partial class LocalTimeInput
{
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    [GeneratedRegex(@"T.*(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex HasOffset();

    /// The UTC instant, or null after adding an error for the field. A wall-clock time that the zone skips
    /// (clocks going forward) is refused; one it repeats (clocks going back) is read as the earlier one.
    public static DateTime? Parse(string? text, DateTimeZone zone, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = [$"{field} is required: a local date-time in {zone.Id} such as 2026-03-08T08:00, or one with an offset."];
            return null;
        }
        text = text.Trim();
        if (HasOffset().IsMatch(text))
        {
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
                return withOffset.UtcDateTime;
        }
        else if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            var mapping = zone.MapLocal(LocalDateTime.FromDateTime(local));
            if (mapping.Count > 0) return mapping.First().ToDateTimeUtc();
            errors[field] = [$"{text} does not exist in {zone.Id} (the clocks go forward then); give another time or an offset."];
            return null;
        }
        errors[field] = [$"'{text}' is not a date-time; use e.g. 2026-03-08T08:00 (in {zone.Id}) or 2026-03-08T12:00Z."];
        return null;
    }
}
