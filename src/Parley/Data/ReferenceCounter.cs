namespace Parley.Data;

/// Last reference number used per mechanism, direction and year (US-CN-2026-0042 → 42).
public sealed class ReferenceCounter
{
    public Guid MechanismId { get; set; }
    public required string Direction { get; set; }
    public int Year { get; set; }
    public int LastNumber { get; set; }
}
