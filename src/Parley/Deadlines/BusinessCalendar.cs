using NodaTime;
using Parley.Directory;

namespace Parley.Deadlines;

/// A party's working calendar: its zone, working week, working hours, holidays and extra working days.
public sealed class BusinessCalendar(
    DateTimeZone zone,
    IReadOnlySet<IsoDayOfWeek> workingDays,
    LocalTime dayStart,
    LocalTime dayEnd,
    IReadOnlySet<LocalDate> holidays,
    IReadOnlySet<LocalDate> extraWorkingDays)
{
    public DateTimeZone Zone { get; } = zone;

    public static BusinessCalendar For(Party party)
    {
        var days = Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None && party.WorkingWeek.HasFlag(Flag(d))).ToHashSet();
        return new BusinessCalendar(
            DateTimeZoneProviders.Tzdb[party.TimeZone],
            days,
            LocalTime.FromTimeOnly(party.WorkdayStart),
            LocalTime.FromTimeOnly(party.WorkdayEnd),
            party.CalendarDays.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => LocalDate.FromDateOnly(d.Date)).ToHashSet(),
            party.CalendarDays.Where(d => d.Kind == CalendarDayKind.WorkingDay).Select(d => LocalDate.FromDateOnly(d.Date)).ToHashSet());
    }

    private static WorkingWeek Flag(IsoDayOfWeek day) => (WorkingWeek)(1 << ((int)day - 1));

    public bool IsWorkingDay(LocalDate date) =>
        !holidays.Contains(date) && (extraWorkingDays.Contains(date) || workingDays.Contains(date.DayOfWeek));

    /// The working window of a date as instants; null on a non-working day. Local times that fall in a
    /// DST gap or overlap are mapped leniently, so a 23- or 25-hour day keeps its window.
    public (Instant Start, Instant End)? WindowOf(LocalDate date)
    {
        if (!IsWorkingDay(date)) return null;
        var start = (date + dayStart).InZoneLeniently(Zone).ToInstant();
        var end = (date + dayEnd).InZoneLeniently(Zone).ToInstant();
        return end > start ? (start, end) : null;
    }

    public LocalDate DateOf(Instant instant) => instant.InZone(Zone).Date;
}
