using System.Globalization;
using NodaTime;
using Parley.Requests;

namespace Parley.Web;

/// How the pages show times, durations and deadline urgency, in the reader's language.
public static class Display
{
    /// The instant on the wall clock of the given zone, formatted for the current culture, with the zone's city.
    public static string Time(DateTime? utc, string zoneId)
    {
        if (utc is null) return "—";
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) ?? DateTimeZone.Utc;
        var local = Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc.Value, DateTimeKind.Utc)).InZone(zone).ToDateTimeUnspecified();
        return $"{local.ToString("ddd", CultureInfo.CurrentCulture)} {local.ToString("g", CultureInfo.CurrentCulture)} {City(zoneId)}";
    }

    public static string City(string zoneId) => zoneId.Contains('/') ? zoneId[(zoneId.LastIndexOf('/') + 1)..].Replace('_', ' ') : zoneId;

    public static string Iso(DateTime? utc) => utc is null ? "" : DateTime.SpecifyKind(utc.Value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// on-time, at-risk, missed, met, paused: the class that colours a deadline (and the words beside it).
    public static string Urgency(DeadlineDto d) => d switch
    {
        { State: DeadlineState.Met } => "met",
        { State: DeadlineState.Cancelled } => "cancelled",
        { Paused: true } => "paused",
        { State: DeadlineState.Missed } => "missed",
        { SecondsLeft: < 0 } => "missed",
        { AtRisk: true } => "at-risk",
        _ => "on-time",
    };

    /// "2 d 3 h", "3 h 12 min", "12 min" in the given unit words; the live script refines it in the browser.
    public static string Span(long seconds, string[] units)
    {
        var s = Math.Abs(seconds);
        var (d, h, m) = (s / 86400, s % 86400 / 3600, s % 3600 / 60);
        return d > 0 ? $"{d} {units[0]} {h} {units[1]}" : h > 0 ? $"{h} {units[1]} {m} {units[2]}" : $"{m} {units[2]} {s % 60} {units[3]}";
    }

    public static string Kebab(Enum value) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// A chart drawn as SVG, for an img element: the pages' CSP forbids inline styles, but an image's own styles are its own.
    public static string SvgImage(string svg) => "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
}
