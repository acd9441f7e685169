using NodaTime;
using Parley.Deadlines;
using Parley.Directory;
using Parley.Requests;

namespace Parley.Demo;

/// A year (2016) of simulated requests in both directions, every step appended through
/// <see cref="RequestTimeline"/> exactly as the API does: most answered in time, some late, some
/// declined, some clarified, a few still open.
public sealed class DemoTraffic(DemoDirectory dir, Random random)
{
    private static readonly DateTime Year = new(2016, 1, 4, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime OpenFrom = new(2016, 12, 5, 0, 0, 0, DateTimeKind.Utc);
    private readonly Dictionary<string, int> _numbers = new();
    private readonly Dictionary<(Priority, Guid), DeadlineRules.Rule> _rules = new();

    public List<Request> Requests { get; } = [];
    public IReadOnlyDictionary<string, int> LastNumbers => _numbers;

    public void Generate(int usToCn, int cnToUs)
    {
        var plans = Enumerable.Range(0, usToCn).Select(_ => (At: WorkingInstant(dir.Us), UsToCn: true))
            .Concat(Enumerable.Range(0, cnToUs).Select(_ => (At: WorkingInstant(dir.Cn), UsToCn: false)))
            .OrderBy(p => p.At).ToList();
        foreach (var (at, usToCn1) in plans) Requests.Add(Simulate(at, usToCn1));
    }

    private DateTime WorkingInstant(Party party)
    {
        var calendar = BusinessCalendar.For(party);
        while (true)
        {
            var date = LocalDate.FromDateTime(Year).PlusDays(random.Next(0, 352));
            if (!calendar.IsWorkingDay(date)) continue;
            var local = date + new LocalTime(9 + random.Next(0, 8), random.Next(0, 60));
            return local.InZoneLeniently(calendar.Zone).ToDateTimeUtc();
        }
    }

    private Random Random => random;

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private bool Chance(double p) => random.NextDouble() < p;

    private Request Simulate(DateTime submittedAt, bool usToCn)
    {
        var (from, to) = usToCn ? (dir.Us, dir.Cn) : (dir.Cn, dir.Us);
        var requester = dir.ActorOf(usToCn ? Pick(["us.officer", "us.officer2", "us.dhs"]) : Pick(["cn.officer", "cn.officer2"]));
        var namedMss = usToCn && Chance(0.2);
        var responder = dir.ActorOf(namedMss ? "cn.mss" : usToCn ? Pick(["cn.officer", "cn.officer2", "cn.supervisor"]) : Pick(["us.officer", "us.officer2", "us.supervisor"]));
        var priority = random.NextDouble() switch { < 0.1 => Priority.Urgent, < 0.45 => Priority.High, _ => Priority.Routine };
        var template = Pick(usToCn ? DemoCases.UsToCn : DemoCases.CnToUs);
        var victim = Pick(usToCn ? DemoCases.UsVictims : DemoCases.CnVictims);
        var activityStart = submittedAt.AddDays(-random.Next(10, 90)).Date;
        var activityEnd = submittedAt.AddDays(-random.Next(1, 9)).Date;
        var narrative = template.Narrative.Replace("{victim}", victim).Replace("{place}", Pick(usToCn ? DemoCases.CnPlaces : DemoCases.UsPlaces))
            .Replace("{start}", activityStart.ToString("yyyy-MM-dd")).Replace("{end}", activityEnd.ToString("yyyy-MM-dd"));

        var request = new Request
        {
            Id = Guid.CreateVersion7(submittedAt),
            MechanismId = dir.Mechanism.Id,
            FromPartyId = from.Id,
            FromAgencyId = requester.AgencyId,
            ToPartyId = to.Id,
            ToAgencyId = namedMss ? dir.Agencies["MSS"].Id : null,
            Kind = template.Kind,
            Priority = priority,
            Subject = template.Subject,
            Narrative = narrative,
            ActivityStart = DateTime.SpecifyKind(activityStart, DateTimeKind.Utc),
            ActivityEnd = DateTime.SpecifyKind(activityEnd, DateTimeKind.Utc),
            Sector = template.Sector,
            Victims = victim,
            Tlp = random.NextDouble() switch { < 0.05 => Tlp.Clear, < 0.35 => Tlp.Green, < 0.85 => Tlp.Amber, < 0.95 => Tlp.AmberStrict, _ => Tlp.Red },
            LegalBasis = "Joint guidelines for requesting assistance under the 2015 US–China agreement",
            CreatedAt = submittedAt.AddMinutes(-random.Next(5, 240)),
        };
        request.Indicators.AddRange(Indicators(request.Id, submittedAt));

        var rule = RuleFor(priority, to);
        RequestTimeline.Append(request, RequestEventType.Drafted, requester, request.CreatedAt, null, rule);
        var direction = $"{from.Code}-{to.Code}";
        _numbers[direction] = _numbers.GetValueOrDefault(direction) + 1;
        request.Reference = $"{direction}-2016-{_numbers[direction]:0000}";
        RequestTimeline.Append(request, RequestEventType.Submitted, requester, submittedAt, null, rule);

        new Life(this, request, requester, responder, rule, submittedAt >= OpenFrom).Run();
        return request;
    }

    private IEnumerable<RequestIndicator> Indicators(Guid requestId, DateTime at)
    {
        var count = random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            var (type, value, algorithm) = random.Next(4) switch
            {
                0 => (IndicatorType.Ipv4, $"{Pick(["192.0.2", "198.51.100", "203.0.113"])}.{random.Next(1, 255)}", (string?)null),
                1 => (IndicatorType.Domain, $"{Pick(["update", "mail", "cdn", "login", "secure"])}-{random.Next(10, 99)}.{Pick(["example", "example.net", "example.org"])}", null),
                2 => (IndicatorType.Url, $"http://{Pick(["files", "dl", "portal"])}.example.com/{random.Next(1000, 9999)}.php", null),
                _ => (IndicatorType.FileHash, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(random.NextInt64()))), "SHA-256"),
            };
            yield return new RequestIndicator { Id = Guid.CreateVersion7(at), RequestId = requestId, Type = type, Value = value, HashAlgorithm = algorithm };
        }
    }

    private DeadlineRules.Rule RuleFor(Priority priority, Party responder)
    {
        if (_rules.TryGetValue((priority, responder.Id), out var rule)) return rule;
        var policy = dir.Mechanism.Policies.Single(p => p.Priority == priority);
        return _rules[(priority, responder.Id)] = new DeadlineRules.Rule(policy, DeadlineClocks.For(policy.Clock, responder), responder);
    }

    /// One request's life after submission.
    private sealed class Life(DemoTraffic t, Request request, Identity.Actor requester, Identity.Actor responder, DeadlineRules.Rule rule, bool staysOpen)
    {
        private DateTime _now = request.SubmittedAt!.Value;

        public void Run()
        {
            var late = t.Chance(0.15) ? t.Random.Next(3) : -1; // which deadline (ack, first, final) is missed
            if (staysOpen)
            {
                var stage = t.Random.Next(4);
                if (stage == 0) return;
                Step(RequestEventType.Acknowledged, responder, DeadlineKind.Acknowledge, late == 0);
                if (stage == 1) return;
                Step(RequestEventType.WorkStarted, responder, null, false);
                if (stage == 3) Step(RequestEventType.ClarificationRequested, responder, null, false, Pick(DemoCases.ClarificationQuestions));
                return;
            }
            if (t.Chance(0.04))
            {
                Step(RequestEventType.Declined, responder, DeadlineKind.Acknowledge, false, Pick(DemoCases.DeclineReasons));
                return;
            }
            Step(RequestEventType.Acknowledged, responder, DeadlineKind.Acknowledge, late == 0);
            if (t.Chance(0.05))
            {
                Step(RequestEventType.Declined, responder, DeadlineKind.FinalAnswer, false, Pick(DemoCases.DeclineReasons));
                return;
            }
            Step(RequestEventType.WorkStarted, responder, null, false);
            if (t.Chance(0.12))
            {
                Step(RequestEventType.ClarificationRequested, responder, null, false, Pick(DemoCases.ClarificationQuestions));
                Wait(TimeSpan.FromHours(t.Random.Next(4, 72)));
                Step(RequestEventType.ClarificationProvided, requester, null, false, "Details attached: time range 02:10–04:45 UTC; source addresses 198.51.100.0/26.");
            }
            var partial = t.Chance(0.6);
            if (partial)
                Step(RequestEventType.PartialAnswer, responder, DeadlineKind.FirstAnswer, late == 1,
                    "Preliminary findings: the servers were leased under false identity documents; records preserved, analysis continuing.");
            // Without a partial answer the final answer is also the first one, so it races the earlier clock.
            Step(RequestEventType.FinalAnswer, responder, partial ? DeadlineKind.FinalAnswer : DeadlineKind.FirstAnswer, late is 1 or 2,
                Pick(["Subscriber records and connection logs provided; the hosting accounts were suspended.",
                      "Suspects identified and questioned; seized equipment is under examination. Results will be shared through this channel.",
                      "The domains were suspended and the servers taken offline on our side."]));
            if (t.Chance(0.85))
            {
                Wait(TimeSpan.FromHours(t.Random.Next(2, 120)));
                Append(RequestEventType.Closed, requester, null);
            }
        }

        private string Pick(string[] items) => t.Pick(items);

        private void Wait(TimeSpan span) => _now += span;

        /// Moves time forward to a moment before (or, when late, after) the given deadline, then appends the step.
        private void Step(RequestEventType type, Identity.Actor actor, DeadlineKind? deadline, bool late, string? message = null)
        {
            var due = deadline is { } kind ? request.Deadlines.Single(d => d.Kind == kind).DueAt : null;
            if (due is { } d && d > _now)
                _now = late ? d.AddMinutes(t.Random.Next(60, 72 * 60)) : _now + (d - _now) * (0.15 + 0.7 * t.Random.NextDouble());
            else
                _now = _now.AddMinutes(t.Random.Next(10, 240));
            Append(type, actor, message);
        }

        private void Append(RequestEventType type, Identity.Actor actor, string? message) =>
            RequestTimeline.Append(request, type, actor, _now, message, rule);
    }
}
