using NodaTime;
using Parley.Directory;

namespace Parley.Deadlines;

/// A party's working calendar: its zone, working week, daily working hours, holidays and extra working
/// days. A holiday wins over everything; an extra working day turns a normally free day into a working one.
/// Immutable, so safe to share between threads.
public sealed class BusinessCalendar(
    DateTimeZone zone,
    IReadOnlySet<IsoDayOfWeek> workingDays,
    LocalTime dayStart,
    LocalTime dayEnd,
    IReadOnlySet<LocalDate> holidays,
    IReadOnlySet<LocalDate> extraWorkingDays)
{
    public DateTimeZone Zone { get; } = zone;

    /// False when no date can ever have working time (empty week and no extra days, or an empty day),
    /// so callers can fail at once instead of searching for a window that never comes.
    public bool HasWorkingTime { get; } =
        (workingDays.Count > 0 || extraWorkingDays.Except(holidays).Any()) && dayEnd > dayStart;

    public static BusinessCalendar For(Party party)
    {
        var days = Enum.GetValues<IsoDayOfWeek>()
            .Where(d => d != IsoDayOfWeek.None && party.WorkingWeek.HasFlag(Flag(d)))
            .ToHashSet();
        return new BusinessCalendar(
            DateTimeZoneProviders.Tzdb[party.TimeZone],
            days,
            LocalTime.FromTimeOnly(party.WorkdayStart),
            LocalTime.FromTimeOnly(party.WorkdayEnd),
            DatesOf(party, CalendarDayKind.Holiday),
            DatesOf(party, CalendarDayKind.WorkingDay));
    }

    private static WorkingWeek Flag(IsoDayOfWeek day) => (WorkingWeek)(1 << ((int)day - 1));

    private static HashSet<LocalDate> DatesOf(Party party, CalendarDayKind kind) =>
        party.CalendarDays.Where(d => d.Kind == kind).Select(d => LocalDate.FromDateOnly(d.Date)).ToHashSet();

    public bool IsWorkingDay(LocalDate date) =>
        !holidays.Contains(date) && (extraWorkingDays.Contains(date) || workingDays.Contains(date.DayOfWeek));

    /// The working window of a date as instants; null on a non-working day. The local opening and closing
    /// times are mapped leniently (a time skipped by a DST jump moves forward by the jump, a repeated time
    /// takes its earlier occurrence), so a 23- or 25-hour day keeps its window between the right instants.
    public Interval? WindowOf(LocalDate date)
    {
        if (!IsWorkingDay(date)) return null;
        var start = (date + dayStart).InZoneLeniently(Zone).ToInstant();
        var end = (date + dayEnd).InZoneLeniently(Zone).ToInstant();
        return end > start ? new Interval(start, end) : null;
    }

    /// The local date on which an instant falls in this calendar's zone.
    public LocalDate DateOf(Instant instant) => instant.InZone(Zone).Date;
}
