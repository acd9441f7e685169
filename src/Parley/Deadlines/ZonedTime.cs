using NodaTime;
using NodaTime.Text;

namespace Parley.Deadlines;

/// An instant as read on a wall clock in a given zone, e.g. "2026-03-09T15:00:00-04:00".
public sealed record ZonedTime(string Zone, string Local)
{
    private static readonly OffsetDateTimePattern Pattern = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    public static ZonedTime? In(string? zoneId, DateTime? utc)
    {
        if (utc is null || zoneId is null || DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) is not { } zone) return null;
        var zoned = Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc.Value, DateTimeKind.Utc)).InZone(zone);
        return new ZonedTime(zoneId, Pattern.Format(zoned.ToOffsetDateTime()));
    }

    public static bool IsKnownZone(string zoneId) => DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) is not null;
}
