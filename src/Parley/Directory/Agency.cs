namespace Parley.Directory;

public sealed class Agency
{
    public Guid Id { get; set; }
    public Guid PartyId { get; set; }
    public Party? Party { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public List<PointOfContact> Contacts { get; set; } = [];
}

public enum ContactAvailability { AlwaysOn, OfficeHours }

public sealed class PointOfContact
{
    public Guid Id { get; set; }
    public Guid AgencyId { get; set; }
    public required string Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? WebhookUrl { get; set; }
    public ContactAvailability Availability { get; set; }
}
