using Parley.Identity;

namespace Parley.Escalation;

/// One rung of a mechanism's escalation ladder, e.g. 1 desk → 2 agency supervisor → 3 hotline co-chairs.
public sealed class EscalationLevel
{
    public Guid Id { get; set; }
    public Guid MechanismId { get; set; }
    /// 1 is the lowest rung; an escalation not acknowledged in time climbs to Level + 1.
    public int Level { get; set; }
    public required string Name { get; set; }
    /// Who is told when an escalation reaches this rung, on each side of the request.
    public Roles Notify { get; set; }
    /// Time the notified side has to acknowledge before the escalation climbs (calendar time).
    public TimeSpan AcknowledgeWithin { get; set; }
}
