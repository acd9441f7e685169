using System.ComponentModel.DataAnnotations;

namespace Parley.Directory;

public sealed record CalendarDayDto(DateOnly Date, CalendarDayKind Kind, string Name);

public sealed record PartyDto(Guid Id, string Code, string Name, string TimeZone, IReadOnlyList<DayOfWeek> WorkingWeek,
    TimeOnly WorkdayStart, TimeOnly WorkdayEnd, IReadOnlyList<CalendarDayDto> CalendarDays);

public sealed record ContactDto(Guid Id, string Name, string? Email, string? Phone, string? WebhookUrl, ContactAvailability Availability);

public sealed record AgencyDto(Guid Id, string PartyCode, string Code, string Name, IReadOnlyList<ContactDto> Contacts);

public sealed record PolicyDto(Priority Priority, ClockKind Clock, TimeSpan AcknowledgeWithin, TimeSpan FirstAnswerWithin, TimeSpan FinalAnswerWithin);

public sealed record RoundDto(Guid Id, DateOnly Date, string Title, string? Location);

public sealed record MechanismDto(Guid Id, string Code, string Name, DateOnly AgreementDate, string? Description,
    IReadOnlyList<string> Parties, IReadOnlyList<RoundDto> Rounds, IReadOnlyList<PolicyDto> Policies);

public sealed record PartyInput(
    [property: Required, RegularExpression("^[A-Za-z]{2}$")] string? Code,
    [property: Required, MaxLength(200)] string? Name,
    [property: Required, MaxLength(64)] string? TimeZone,
    IReadOnlyList<DayOfWeek>? WorkingWeek,
    TimeOnly? WorkdayStart,
    TimeOnly? WorkdayEnd,
    IReadOnlyList<CalendarDayDto>? CalendarDays);

public sealed record AgencyInput(
    [property: Required, RegularExpression("^[A-Za-z]{2}$")] string? PartyCode,
    [property: Required, MaxLength(32)] string? Code,
    [property: Required, MaxLength(200)] string? Name);

public sealed record ContactInput(
    [property: Required, MaxLength(200)] string? Name,
    [property: EmailAddress, MaxLength(320)] string? Email,
    [property: MaxLength(64)] string? Phone,
    [property: Url, MaxLength(2000)] string? WebhookUrl,
    ContactAvailability Availability = ContactAvailability.OfficeHours);

public sealed record MechanismInput(
    [property: Required, MaxLength(32)] string? Code,
    [property: Required, MaxLength(200)] string? Name,
    [property: Required] DateOnly? AgreementDate,
    [property: MaxLength(4000)] string? Description,
    [property: Required, MinLength(2)] IReadOnlyList<string>? Parties,
    IReadOnlyList<PolicyDto>? Policies);

public sealed record RoundInput([property: Required] DateOnly? Date, [property: Required, MaxLength(200)] string? Title, [property: MaxLength(200)] string? Location);
