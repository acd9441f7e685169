namespace Parley.Directory;

public static class DirectoryMapping
{
    private static readonly (WorkingWeek Flag, DayOfWeek Day)[] Days =
    [
        (WorkingWeek.Monday, DayOfWeek.Monday), (WorkingWeek.Tuesday, DayOfWeek.Tuesday), (WorkingWeek.Wednesday, DayOfWeek.Wednesday),
        (WorkingWeek.Thursday, DayOfWeek.Thursday), (WorkingWeek.Friday, DayOfWeek.Friday), (WorkingWeek.Saturday, DayOfWeek.Saturday),
        (WorkingWeek.Sunday, DayOfWeek.Sunday),
    ];

    public static IReadOnlyList<DayOfWeek> ToDays(WorkingWeek week) => Days.Where(d => week.HasFlag(d.Flag)).Select(d => d.Day).ToList();

    public static WorkingWeek ToWeek(IEnumerable<DayOfWeek> days) =>
        days.Aggregate(WorkingWeek.None, (week, day) => week | Days.Single(d => d.Day == day).Flag);

    public static PartyDto ToDto(Party p) => new(p.Id, p.Code, p.Name, p.TimeZone, ToDays(p.WorkingWeek), p.WorkdayStart, p.WorkdayEnd,
        p.CalendarDays.OrderBy(d => d.Date).Select(d => new CalendarDayDto(d.Date, d.Kind, d.Name)).ToList());

    public static AgencyDto ToDto(Agency a, string partyCode) => new(a.Id, partyCode, a.Code, a.Name,
        a.Contacts.Select(c => new ContactDto(c.Id, c.Name, c.Email, c.Phone, c.WebhookUrl, c.Availability)).ToList());

    public static MechanismDto ToDto(Mechanism m, IReadOnlyDictionary<Guid, Party> parties) => new(m.Id, m.Code, m.Name, m.AgreementDate, m.Description,
        m.Parties.Select(p => parties[p.PartyId].Code).Order().ToList(),
        m.Rounds.OrderBy(r => r.Date).Select(r => new RoundDto(r.Id, r.Date, r.Title, r.Location)).ToList(),
        m.Policies.OrderBy(p => p.Priority).Select(p => new PolicyDto(p.Priority, p.Clock, p.AcknowledgeWithin, p.FirstAnswerWithin, p.FinalAnswerWithin)).ToList());
}
