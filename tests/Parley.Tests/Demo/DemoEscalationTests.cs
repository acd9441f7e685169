using Microsoft.EntityFrameworkCore;
using Parley.Escalation;
using Parley.Requests;

namespace Parley.Tests.Demo;

/// The demo's escalations: on the ladder, at several levels, with times to acknowledgement worth a report.
public abstract partial class DemoSeederTests
{
    [Fact]
    public async Task Escalations_AtSeveralLevels_SomeManual_SomeExhausted_EachOnItsTimeline()
    {
        var ladder = await Demo.Db(db => db.EscalationLevels.OrderBy(l => l.Level).ToListAsync());
        Assert.Equal(["Desk", "Agency supervisor", "Hotline co-chairs"], ladder.Select(l => l.Name));
        var escalations = await Demo.Db(db => db.Escalations.Include(e => e.Steps).ToListAsync());
        var requests = (await RequestsAsync()).ToDictionary(r => r.Id);

        Assert.InRange(escalations.Count, 20, 80);
        foreach (var level in new[] { 1, 2, 3 })
            Assert.Contains(escalations, e => e.Level == level && e.AcknowledgedAt is not null);
        Assert.Contains(escalations, e => e.IsExhausted);
        Assert.Contains(escalations, e => e.Status == EscalationStatus.Resolved);
        Assert.Contains(escalations, e => e.Cause == EscalationCause.Manual && e.Reason.StartsWith("Answer received but unusable"));
        Assert.True(escalations.Count(e => e.AcknowledgedAt - e.RaisedAt < TimeSpan.FromHours(4)) > escalations.Count / 4);

        var alerts = await Demo.Db(db => db.DeadlineAlerts.ToDictionaryAsync(a => a.Id));
        foreach (var e in escalations)
        {
            if (e.Cause == EscalationCause.MissedDeadline) Assert.Equal(e.RaisedAt, alerts[e.AlertId!.Value].DueAt);
            // Each step is on the request's timeline at its own instant, and nothing climbs after acknowledgement.
            var timeline = requests[e.RequestId].Events.Where(x => RequestTimeline.IsEscalationStep(x.Type)).Select(x => x.OccurredAt).ToHashSet();
            Assert.All(e.Steps, s => Assert.Contains(s.At, timeline));
            Assert.DoesNotContain(e.Steps, s => s.Kind == EscalationStepKind.Climbed && s.At > e.AcknowledgedAt);
            Assert.Equal(e.IsExhausted, e.Steps.Any(s => s.Kind == EscalationStepKind.Exhausted) && e.AcknowledgedAt is null);
        }
        // The watcher finds nothing left to do on first start: every open escalation has run out of ladder.
        Assert.DoesNotContain(escalations, e => e.WatchAt is not null);
    }
}
