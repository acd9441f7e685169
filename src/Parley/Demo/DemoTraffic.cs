using System.Text.Json;
using NodaTime;
using Parley.Deadlines;
using Parley.Directory;
using Parley.Requests;

namespace Parley.Demo;

/// A year (2016) of simulated requests in both directions, each created and moved along through
/// <see cref="RequestTimeline"/> exactly as the API does, so the rows are projections of the events.
public sealed class DemoTraffic(DemoDirectory dir, Random random)
{
    public const int Year = 2016;
    private static readonly LocalDate FirstDay = new(Year, 1, 4);
    private static readonly LocalDate LastDay = new(Year, 12, 21);
    /// Where the last requests submitted stand when the demo's window ends, oldest first (see
    /// <see cref="DemoRequestLife.RunUntilStillOpen"/>): older ones in progress or awaiting
    /// clarification, the newest just acknowledged or submitted.
    private static readonly int[] OpenStages = [2, 3, 2, 3, 1, 2, 3, 1, 0, 0];

    private readonly Dictionary<string, int> _numbers = new();
    private readonly Dictionary<(Priority, Guid), DeadlineRules.Rule> _rules = new();

    public List<Request> Requests { get; } = [];
    public List<Parley.Quality.AnswerRating> Ratings { get; } = [];

    /// Last reference number used per direction ("US-CN") in <see cref="Year"/>.
    public IReadOnlyDictionary<string, int> LastNumbers => _numbers;

    public void Generate(int usToCn, int cnToUs)
    {
        var plans = Enumerable.Range(0, usToCn).Select(_ => (At: WorkingInstant(dir.Us), UsToCn: true))
            .Concat(Enumerable.Range(0, cnToUs).Select(_ => (At: WorkingInstant(dir.Cn), UsToCn: false)))
            .OrderBy(p => p.At)
            .ToList();
        // Exact shares rather than a coin per request, so the mix does not hinge on the seed.
        var ended = plans.Count - OpenStages.Length;
        var outcomes = Deal(ended, DemoOutcome.OnTime, (DemoOutcome.Late, 0.15), (DemoOutcome.DeclinedAtOnce, 0.03), (DemoOutcome.DeclinedAfterAck, 0.05));
        var clarified = Deal(ended, false, (true, 0.12));
        for (var i = 0; i < plans.Count; i++)
        {
            var (at, isUsToCn) = plans[i];
            Requests.Add(Simulate(at, isUsToCn, life =>
            {
                if (i < ended) life.RunToEnd(outcomes[i], clarified[i]);
                else life.RunUntilStillOpen(OpenStages[i - ended]);
            }));
        }
    }

    private T[] Deal<T>(int count, T rest, params (T Value, double Share)[] shares)
    {
        var dealt = shares.SelectMany(s => Enumerable.Repeat(s.Value, (int)Math.Round(count * s.Share))).ToList();
        dealt.AddRange(Enumerable.Repeat(rest, count - dealt.Count));
        var array = dealt.ToArray();
        random.Shuffle(array);
        return array;
    }

    private Instant WorkingInstant(Party party)
    {
        var calendar = BusinessCalendar.For(party);
        var days = Period.Between(FirstDay, LastDay, PeriodUnits.Days).Days;
        while (true)
        {
            var date = FirstDay.PlusDays(random.Next(days + 1));
            if (!calendar.IsWorkingDay(date)) continue;
            var local = date + new LocalTime(9 + random.Next(8), random.Next(60));
            return local.InZoneLeniently(calendar.Zone).ToInstant();
        }
    }

    private Request Simulate(Instant submitted, bool usToCn, Action<DemoRequestLife> live)
    {
        var (from, to) = usToCn ? (dir.Us, dir.Cn) : (dir.Cn, dir.Us);
        var template = Pick(usToCn ? DemoCases.UsToCn : DemoCases.CnToUs);
        var toCert = template.Kind is RequestKind.Mitigation or RequestKind.Notification;
        var requester = dir.ActorOf(usToCn
            ? toCert && Chance(0.5) ? "us.dhs" : Pick(["us.officer", "us.officer2"])
            : Pick(["cn.officer", "cn.officer2"]));
        var namesMss = usToCn && !toCert && Chance(0.15);
        var responder = dir.ActorOf(usToCn
            ? namesMss ? "cn.mss" : Pick(["cn.officer", "cn.officer2"])
            : toCert ? "us.dhs" : Pick(["us.officer", "us.officer2"]));
        var supervisor = dir.ActorOf(responder.AgencyId == dir.Agencies[usToCn ? "MPS" : "FBI"].Id
            ? usToCn ? "cn.supervisor" : "us.supervisor"
            : responder.UserName);
        var priority = random.NextDouble() switch { < 0.12 => Priority.Urgent, < 0.45 => Priority.High, _ => Priority.Routine };

        var submittedAt = submitted.ToDateTimeUtc();
        var createdAt = submittedAt.AddMinutes(-random.Next(5, 180));
        var activityEnd = submittedAt.Date.AddDays(-random.Next(1, 10));
        var activityStart = activityEnd.AddDays(-random.Next(3, 90));
        var victim = Pick(template.Victims);
        var narrative = template.Narrative
            .Replace("{victim}", victim)
            .Replace("{place}", Pick(usToCn ? DemoCases.ChinesePlaces : DemoCases.UsPlaces))
            .Replace("{start}", activityStart.ToString("yyyy-MM-dd"))
            .Replace("{end}", activityEnd.ToString("yyyy-MM-dd"));

        var request = new Request
        {
            Id = Guid.CreateVersion7(createdAt),
            MechanismId = dir.Mechanism.Id,
            FromPartyId = from.Id,
            FromAgencyId = requester.AgencyId,
            ToPartyId = to.Id,
            ToAgencyId = namesMss ? dir.Agencies["MSS"].Id : null,
            Kind = template.Kind,
            Priority = priority,
            Subject = template.Subject,
            Narrative = narrative,
            ActivityStart = DateTime.SpecifyKind(activityStart, DateTimeKind.Utc),
            ActivityEnd = DateTime.SpecifyKind(activityEnd, DateTimeKind.Utc),
            Sector = template.Sector,
            Victims = victim,
            Tlp = random.NextDouble() switch { < 0.05 => Tlp.Clear, < 0.35 => Tlp.Green, < 0.85 => Tlp.Amber, < 0.95 => Tlp.AmberStrict, _ => Tlp.Red },
            LegalBasis = "Guidelines for requesting assistance agreed at the first round of the joint dialogue (December 2015)",
            CreatedAt = createdAt,
        };
        request.Indicators.AddRange(DemoIndicators.For(request.Id, createdAt, usToCn, random));

        var rule = RuleFor(priority, to);
        var drafted = RequestTimeline.Append(request, RequestEventType.Drafted, requester, createdAt, null, rule);
        drafted.Payload = RequestContent.Payload(request);
        request.Reference = NextReference($"{from.Code}-{to.Code}");
        RequestTimeline.Append(request, RequestEventType.Submitted, requester, submittedAt, null, rule);

        var requesterClock = priority == Priority.Urgent ? CalendarClock.Instance : DeadlineClocks.For(ClockKind.Business, from);
        var life = new DemoRequestLife(request, rule, requesterClock, requester, responder, supervisor, template.Answer, random);
        live(life);
        if (life.Rating is { } rating) Ratings.Add(rating);
        return request;
    }

    /// References are numbered per direction in submission order, as <see cref="ReferenceNumbers"/> would.
    private string NextReference(string direction)
    {
        _numbers[direction] = _numbers.GetValueOrDefault(direction) + 1;
        return $"{direction}-{Year}-{_numbers[direction]:0000}";
    }

    private DeadlineRules.Rule RuleFor(Priority priority, Party responding)
    {
        if (_rules.TryGetValue((priority, responding.Id), out var rule)) return rule;
        var policy = dir.Mechanism.Policies.Single(p => p.Priority == priority);
        return _rules[(priority, responding.Id)] = new DeadlineRules.Rule(policy, DeadlineClocks.For(policy.Clock, responding), responding);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private bool Chance(double p) => random.NextDouble() < p;
}
