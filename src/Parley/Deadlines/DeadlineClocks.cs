using Parley.Directory;

namespace Parley.Deadlines;

public static class DeadlineClocks
{
    public static IDeadlineClock For(ClockKind kind, Party respondingParty) => kind switch
    {
        ClockKind.Business => new BusinessClock(BusinessCalendar.For(respondingParty)),
        _ => CalendarClock.Instance,
    };
}
