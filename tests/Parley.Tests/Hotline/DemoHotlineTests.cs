using Microsoft.EntityFrameworkCore;
using Parley.Hotline;

namespace Parley.Tests.Demo;

/// The demo's hotline: rosters of both parties, about ten sessions with every outcome, monthly checks with a mix of answers.
public abstract partial class DemoSeederTests
{
    [Fact]
    public async Task Hotline_RostersSessionsAndMonthlyChecks_HaveSomethingToShow()
    {
        var shifts = await Demo.Db(db => db.OnCallShifts.ToListAsync());
        Assert.True(shifts.Count >= 2 * 52);
        Assert.All(shifts.GroupBy(s => s.UserId), user =>
        {
            var ordered = user.OrderBy(s => s.StartsAt).ToList();
            Assert.All(ordered.Zip(ordered.Skip(1)), pair => Assert.True(pair.First.EndsAt <= pair.Second.StartsAt));
        });

        var sessions = await Demo.Db(db => db.HotlineSessions.Include(s => s.Participants).Include(s => s.Notes).Include(s => s.Requests).AsSplitQuery().ToListAsync());
        Assert.InRange(sessions.Count, 8, 12);
        Assert.Equal(Enum.GetValues<HotlineOutcome>(), sessions.Where(s => s.Outcome != null).Select(s => s.Outcome!.Value).Distinct().Order());
        Assert.Contains(sessions, s => s.Status == HotlineSessionStatus.Open);
        Assert.Contains(sessions, s => s.Participants.Any(p => p.AcknowledgedAt is null));
        Assert.True(sessions.Count(s => s.Requests.Count > 0) >= 5);
        Assert.All(sessions, s => Assert.Equal(2, s.Participants.Count));
        Assert.Contains(sessions, s => s.OpenedAt > new DateTime(2016, 12, 7, 0, 0, 0, DateTimeKind.Utc));

        var checks = await Demo.Db(db => db.CommunicationChecks.Include(c => c.Pings).ToListAsync());
        Assert.Equal(12, checks.Count);
        var pings = checks.SelectMany(c => c.Pings).ToList();
        Assert.All(new[] { PingResult.OnTime, PingResult.Late, PingResult.Never }, r => Assert.Contains(pings, p => p.Result == r));
        Assert.DoesNotContain(pings, p => p.Result == PingResult.Pending);
        Assert.All(pings.Where(p => p.Result == PingResult.OnTime), p => Assert.True(p.AnsweredAt < checks.Single(c => c.Id == p.CheckId).DueAt));
        Assert.True(pings.Count(p => p.Result == PingResult.OnTime) > pings.Count / 2);
        Assert.All(checks, c => Assert.Null(c.WatchAt));
    }
}
