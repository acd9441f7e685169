using Parley.Deadlines;
using Parley.Directory;

namespace Parley.Hotline;

/// A shift as entered: times are wall-clock times in the party's zone unless they carry an offset.
public sealed record ShiftInput(string? User, string? StartsAt, string? EndsAt, string? Note);

public sealed record UserRef(Guid Id, string UserName, string DisplayName, string? Email);

public sealed record ShiftDto(Guid Id, string Party, UserRef User, ZonedTime StartsAt, ZonedTime EndsAt, DateTime StartsAtUtc, DateTime EndsAtUtc, string? Note);

public sealed record PartyContactDto(Guid Id, string Agency, string Name, string? Email, string? Phone, string? WebhookUrl, ContactAvailability Availability);

/// Who holds a party's hotline now. Fallback is true when nobody is rostered and the always-on contacts stand in.
public sealed record OnCallDto(string Party, string TimeZone, ZonedTime LocalNow, IReadOnlyList<ShiftDto> Holders, bool Fallback, IReadOnlyList<PartyContactDto> Contacts);

public sealed record OnCallNowDto(DateTime At, IReadOnlyList<OnCallDto> Parties);
