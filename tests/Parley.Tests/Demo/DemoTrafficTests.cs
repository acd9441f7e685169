using Microsoft.EntityFrameworkCore;
using NodaTime;
using Parley.Deadlines;
using Parley.Directory;
using Parley.Identity;
using Parley.Requests;

namespace Parley.Tests.Demo;

/// The simulated traffic: the mix of outcomes, and rows that the app itself could have written.
public abstract partial class DemoSeederTests
{
    [Fact]
    public async Task Traffic_Of2016_RunsBothWays_WithTheMixAnOversightReportNeeds()
    {
        var requests = await RequestsAsync();
        var parties = await PartiesAsync();
        var usToCn = requests.Count(r => r.FromPartyId == parties["US"].Id);
        var cnToUs = requests.Count(r => r.FromPartyId == parties["CN"].Id);
        Assert.InRange(usToCn, 100, 140);
        Assert.InRange(cnToUs, 45, 75);

        Assert.All(requests, r => Assert.Equal(2016, r.SubmittedAt!.Value.Year));
        Assert.Contains(requests, r => r.Status == RequestStatus.Declined && !string.IsNullOrEmpty(r.DeclineReason));
        Assert.InRange(requests.Count(r => r.Status == RequestStatus.Declined), 8, 25);
        Assert.InRange(requests.Count(r => r.IsOpen), 5, 15);
        Assert.Contains(requests, r => r.Status == RequestStatus.AwaitingClarification);
        Assert.Contains(requests, r => r.Events.Any(e => e.Type == RequestEventType.ClarificationProvided));
        Assert.Contains(requests, r => r.Events.Any(e => e.Type == RequestEventType.PartialAnswer));
        Assert.True(requests.Count(r => r.Status == RequestStatus.Closed) > requests.Count / 2);
        Assert.Equal([Priority.Urgent, Priority.High, Priority.Routine], requests.Select(r => r.Priority).Distinct().Order());

        var late = requests.Count(r => r.Deadlines.Any(d => d.State == DeadlineState.Missed));
        Assert.InRange(late, requests.Count / 20, requests.Count / 4);
        var met = requests.SelectMany(r => r.Deadlines).Count(d => d.State == DeadlineState.Met);
        var missed = requests.SelectMany(r => r.Deadlines).Count(d => d.State == DeadlineState.Missed);
        Assert.True(met > 4 * missed, $"met {met}, missed {missed}: most answers should be in time");
    }

    [Fact]
    public async Task Requests_AreSubmittedInTheRequestersWorkingHours_WithValidIndicators()
    {
        var requests = await RequestsAsync();
        var parties = (await PartiesAsync()).Values.ToDictionary(p => p.Id);
        foreach (var request in requests)
        {
            var calendar = BusinessCalendar.For(parties[request.FromPartyId]);
            var local = Instant.FromDateTimeUtc(request.SubmittedAt!.Value).InZone(calendar.Zone);
            Assert.True(calendar.IsWorkingDay(local.Date) && local.Hour is >= 9 and < 17, $"{request.Reference} submitted {local}");
            Assert.NotEmpty(request.Indicators);
            foreach (var i in request.Indicators)
                Assert.Equal(i.Value, IndicatorValidation.Normalise(i.Type, i.Value, i.HashAlgorithm, out _));
            Assert.NotNull(request.Events.Single(e => e.Type == RequestEventType.Drafted).Payload);
        }
    }

    [Fact]
    public async Task EveryRequestRow_IsTheReplayOfItsEvents_AndTheDeadlinesAreRecomputable()
    {
        var requests = await RequestsAsync();
        var rules = Demo.Services.GetRequiredService<DeadlineRules>();
        foreach (var request in requests)
        {
            var events = request.Events.OrderBy(e => e.Sequence).ToList();
            Assert.Equal(Enumerable.Range(1, events.Count), events.Select(e => e.Sequence));
            Assert.True(events.Zip(events.Skip(1)).All(p => p.First.OccurredAt < p.Second.OccurredAt), $"{request.Reference}: events out of order");

            var replay = new Request { Id = request.Id, Subject = "", Narrative = "" };
            foreach (var e in events) RequestTimeline.Project(replay, e);
            Assert.Equal((request.Status, request.IsOpen, request.Version, request.SubmittedAt, request.UpdatedAt, request.DeclineReason),
                (replay.Status, replay.IsOpen, replay.Version, replay.SubmittedAt, replay.UpdatedAt, replay.DeclineReason));

            var rule = await Demo.Db(db => rules.ForAsync(db, request.MechanismId, request.Priority, request.ToPartyId, default));
            var expected = new Request { Id = request.Id, Subject = "", Narrative = "", Events = events };
            RequestDeadlines.Recompute(expected, rule!);
            Assert.Equal(expected.Deadlines.OrderBy(d => d.Kind).Select(d => (d.Kind, d.DueAt, d.State)),
                request.Deadlines.OrderBy(d => d.Kind).Select(d => (d.Kind, d.DueAt, d.State)));
            Assert.Equal(expected.NextDueAt, request.NextDueAt);
        }
    }

    [Fact]
    public async Task EveryStep_IsOneTheStateMachineAllows_TakenByTheRightSide()
    {
        var requests = await RequestsAsync();
        var users = await Demo.Db(db => db.Users.Include(u => u.Agency).ToDictionaryAsync(u => u.Id));
        foreach (var request in requests)
        {
            var replay = new Request { Subject = "", Narrative = "" };
            // Escalation steps move no state; DemoEscalationTests checks them.
            foreach (var e in request.Events.OrderBy(e => e.Sequence).Where(e => !RequestTimeline.IsEscalationStep(e.Type)))
            {
                var user = users[e.ActorUserId];
                Assert.Equal(user.AgencyId, e.ActorAgencyId);
                Assert.True((user.Roles & RequestStateMachine.ActingRoles) != 0, $"{request.Reference}: {user.UserName} may not act");
                var actor = new Actor(user.Id, user.UserName, user.AgencyId, user.Agency!.PartyId, user.Roles, null);
                if (e.Type is RequestEventType.Rated or RequestEventType.RatingReplied)
                {
                    Assert.True(replay.Status is RequestStatus.Answered or RequestStatus.Closed, $"{request.Reference}: {e.Type} from {replay.Status}");
                    Assert.Equal(e.Type == RequestEventType.Rated ? Side.Requesting : Side.Responding, RequestStateMachine.SideOf(replay, actor));
                }
                else if (e.Type != RequestEventType.Drafted)
                {
                    var rule = RequestStateMachine.Rules.Values.Single(r => r.Event == e.Type);
                    Assert.True(rule.From.Contains(replay.Status), $"{request.Reference}: {e.Type} from {replay.Status}");
                    Assert.Equal(rule.Side, RequestStateMachine.SideOf(replay, actor));
                }
                else replay = new Request { Subject = "", Narrative = "", FromAgencyId = e.ActorAgencyId, ToPartyId = request.ToPartyId, ToAgencyId = FirstNamed(request) };
                RequestTimeline.Project(replay, e);
            }
        }
    }

    [Fact]
    public async Task References_AreGapFreePerDirection_AndTheCountersContinueThem()
    {
        var requests = await RequestsAsync();
        var counters = await Demo.Db(db => db.ReferenceCounters.ToListAsync());
        Assert.Equal(["CN-US", "US-CN"], counters.Select(c => c.Direction).Order());
        foreach (var counter in counters)
        {
            Assert.Equal(2016, counter.Year);
            var numbers = requests.Where(r => r.Reference!.StartsWith($"{counter.Direction}-2016-"))
                .OrderBy(r => r.SubmittedAt).Select(r => int.Parse(r.Reference![^4..])).ToList();
            Assert.Equal(Enumerable.Range(1, counter.LastNumber), numbers);
        }
    }

    [Fact]
    public void Seeding_TakesAFewSecondsAtMost()
    {
        Assert.True(Demo.FirstSeedTook < TimeSpan.FromSeconds(20), $"seeding took {Demo.FirstSeedTook}");
    }

    /// The agency the requester named, if any: the one in the Drafted payload.
    private static Guid? FirstNamed(Request request)
    {
        var payload = System.Text.Json.JsonDocument.Parse(request.Events.Single(e => e.Type == RequestEventType.Drafted).Payload!);
        return payload.RootElement.GetProperty("toAgencyId").ValueKind == System.Text.Json.JsonValueKind.Null
            ? null : payload.RootElement.GetProperty("toAgencyId").GetGuid();
    }
}
