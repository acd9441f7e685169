using Parley.Escalation;
using Parley.Identity;
using Parley.Requests;

namespace Parley.Tests.Escalation;

/// The ladder arithmetic on its own: rungs of 2h, 4h and 8h from a raise at T.
public sealed class EscalationClimbTests
{
    private static readonly DateTime T = new(2026, 3, 2, 18, 0, 0, DateTimeKind.Utc);

    private static readonly List<EscalationLevel> Ladder =
    [
        new() { Level = 1, Name = "Desk", Notify = Roles.Officer, AcknowledgeWithin = TimeSpan.FromHours(2) },
        new() { Level = 2, Name = "Agency supervisor", Notify = Roles.Supervisor, AcknowledgeWithin = TimeSpan.FromHours(4) },
        new() { Level = 3, Name = "Hotline co-chairs", Notify = Roles.HotlineOfficer, AcknowledgeWithin = TimeSpan.FromHours(8) },
    ];

    private static Parley.Escalation.Escalation Raised() =>
        Parley.Escalation.Escalation.Raise(new Request { Id = Guid.NewGuid(), Subject = "", Narrative = "" }, Ladder[0],
            EscalationCause.Manual, "Answer received but unusable", Side.Requesting, Guid.NewGuid(), Guid.NewGuid(), T);

    private static List<EscalationStep> ClimbAll(Parley.Escalation.Escalation e, DateTime now)
    {
        var steps = new List<EscalationStep>();
        while (e.ClimbIfDue(EscalationLadder.Next(Ladder, e.Level), now) is { } step) steps.Add(step);
        return steps;
    }

    [Fact]
    public void ClimbIfDue_BeforeTheDeadline_DoesNothing_AtTheDeadline_Climbs()
    {
        var e = Raised();
        Assert.Empty(ClimbAll(e, T.AddHours(2).AddTicks(-1)));
        var step = Assert.Single(ClimbAll(e, T.AddHours(2)));
        Assert.Equal((EscalationStepKind.Climbed, 2, T.AddHours(2)), (step.Kind, step.Level, step.At));
        Assert.Equal((T.AddHours(6), T.AddHours(6)), (e.AcknowledgeDueAt!.Value, e.WatchAt!.Value));
    }

    [Fact]
    public void ClimbIfDue_AfterLongDowntime_ClimbsEachRungAtItsInstant_ThenIsExhausted()
    {
        var e = Raised();
        Assert.Equal([(EscalationStepKind.Climbed, 2, T.AddHours(2)), (EscalationStepKind.Climbed, 3, T.AddHours(6)), (EscalationStepKind.Exhausted, 3, T.AddHours(14))],
            ClimbAll(e, T.AddDays(30)).Select(s => (s.Kind, s.Level, s.At)));
        Assert.True(e.IsExhausted);
        Assert.Null(e.WatchAt);
        Assert.Empty(ClimbAll(e, T.AddDays(60)));
    }

    [Fact]
    public void ClimbIfDue_WhenAcknowledgedOrResolved_NeverClimbs()
    {
        var acknowledged = Raised();
        acknowledged.Acknowledge(Guid.NewGuid(), T.AddHours(1), null);
        Assert.Empty(ClimbAll(acknowledged, T.AddDays(1)));
        var resolved = Raised();
        resolved.Resolve(Guid.NewGuid(), T.AddHours(1), "Settled on the hotline.");
        Assert.Empty(ClimbAll(resolved, T.AddDays(1)));
        Assert.False(resolved.IsExhausted);
    }

    [Fact]
    public void MayAcknowledge_IsTheCurrentRungOrHigher()
    {
        Assert.Equal(Roles.Officer | Roles.Supervisor | Roles.HotlineOfficer, EscalationLadder.MayAcknowledge(Ladder, 1));
        Assert.Equal(Roles.Supervisor | Roles.HotlineOfficer, EscalationLadder.MayAcknowledge(Ladder, 2));
        Assert.Equal(Roles.HotlineOfficer, EscalationLadder.MayAcknowledge(Ladder, 3));
        Assert.Equal(Roles.Officer | Roles.Supervisor, EscalationLadder.NotifiedUpTo(Ladder, 2));
    }
}
