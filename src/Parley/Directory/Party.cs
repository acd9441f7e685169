namespace Parley.Directory;

/// A state taking part in one or more mechanisms, with the calendar its business clock runs on.
public sealed class Party
{
    public Guid Id { get; set; }
    /// ISO 3166-1 alpha-2 code, upper case.
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// IANA time zone id, e.g. America/New_York.
    public required string TimeZone { get; set; }
    public WorkingWeek WorkingWeek { get; set; } = WorkingWeek.MondayToFriday;
    public TimeOnly WorkdayStart { get; set; } = new(9, 0);
    public TimeOnly WorkdayEnd { get; set; } = new(17, 0);
    public List<CalendarDay> CalendarDays { get; set; } = [];
    public List<Agency> Agencies { get; set; } = [];
}

[Flags]
public enum WorkingWeek
{
    None = 0,
    Monday = 1, Tuesday = 2, Wednesday = 4, Thursday = 8, Friday = 16, Saturday = 32, Sunday = 64,
    MondayToFriday = Monday | Tuesday | Wednesday | Thursday | Friday,
}

public enum CalendarDayKind { Holiday, WorkingDay }

/// A day that departs from the working week: a public holiday, or a weekend day worked in exchange
/// for a bridged holiday (China's adjusted working days).
public sealed class CalendarDay
{
    public Guid Id { get; set; }
    public Guid PartyId { get; set; }
    public DateOnly Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    public required string Name { get; set; }
}
