namespace Parley.Hotline;

/// Who holds a party's hotline from when to when. Stored as UTC instants; entered and shown in the party's zone.
public sealed class OnCallShift
{
    public Guid Id { get; set; }
    public Guid PartyId { get; set; }
    public Guid UserId { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public string? Note { get; set; }
}
