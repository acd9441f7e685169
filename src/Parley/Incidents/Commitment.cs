namespace Parley.Incidents;

/// A norm the parties of a mechanism committed to, e.g. "no cyber-enabled theft of intellectual
/// property for commercial advantage".
public sealed class Commitment
{
    public Guid Id { get; set; }
    public Guid MechanismId { get; set; }
    /// Short handle, unique within the mechanism: "no-ip-theft".
    public required string Code { get; set; }
    public required string Text { get; set; }
    public string? Description { get; set; }
}
