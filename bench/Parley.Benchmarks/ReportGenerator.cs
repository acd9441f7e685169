using Parley.Directory;
using Parley.Escalation;
using Parley.Hotline;
using Parley.Quality;
using Parley.Requests;

namespace Parley.Benchmarks;

/// A deterministic (seeded) history for the oversight report: N requests over five years between the US
/// and CN agencies with the events, deadlines and ratings the app would have stored, about 3% escalated,
/// and hotline sessions and communication checks every few days. Times are drawn, not computed by the
/// app's clocks: the report reads them as stored.
public sealed class ReportGenerator(BenchDirectory directory, Guid userId, IReadOnlyList<(Guid Contact, Guid Agency, Guid Party)> contacts, int count, DateTime now)
{
    public static readonly DateTime Start = new(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly Random _random = new(20160912);

    public List<Request> Requests { get; } = [];
    public List<RequestEvent> Events { get; } = [];
    public List<RequestDeadline> Deadlines { get; } = [];
    public List<AnswerRating> Ratings { get; } = [];
    public List<Escalation.Escalation> Escalations { get; } = [];
    public List<HotlineSession> Sessions { get; } = [];
    public List<HotlineParticipant> Participants { get; } = [];
    public List<CommunicationCheck> Checks { get; } = [];
    public List<CommunicationCheckPing> Pings { get; } = [];

    public ReportGenerator Generate()
    {
        var span = (now - Start).TotalSeconds;
        for (var i = 0; i < count; i++) Next(Start.AddSeconds(span * Math.Sqrt((i + _random.NextDouble()) / count)));
        for (var at = Start; at < now; at = at.AddDays(4)) Session(at.AddHours(_random.Next(0, 96)));
        for (var at = Start; at < now; at = at.AddDays(7)) Check(at.AddHours(_random.Next(0, 24)));
        return this;
    }

    private void Next(DateTime submitted)
    {
        var outbound = _random.Next(2) == 0;
        var (fromCodes, toCodes) = outbound ? (BenchDirectory.UsAgencies, BenchDirectory.CnAgencies) : (BenchDirectory.CnAgencies, BenchDirectory.UsAgencies);
        var priority = (Priority)Pick([0.1, 0.3, 0.6]);
        var (ack, first, final) = priority switch { Priority.Urgent => (4, 24, 72), Priority.High => (24, 72, 240), _ => (48, 240, 720) };
        var request = new Request
        {
            Id = Guid.CreateVersion7(new DateTimeOffset(submitted)), MechanismId = directory.MechanismId,
            FromPartyId = outbound ? directory.UsPartyId : directory.CnPartyId, ToPartyId = outbound ? directory.CnPartyId : directory.UsPartyId,
            FromAgencyId = directory.Agencies[fromCodes[_random.Next(4)]], ToAgencyId = directory.Agencies[toCodes[_random.Next(4)]],
            Kind = (RequestKind)_random.Next(5), Priority = priority, Subject = "Generated request", Narrative = "Generated for the oversight report benchmark.",
            Tlp = Tlp.Amber, CreatedAt = submitted, SubmittedAt = submitted, UpdatedAt = submitted, Reference = $"R-{Requests.Count + 1:0000000}",
        };
        Requests.Add(request);
        var events = new List<(RequestEventType Type, DateTime At)> { (RequestEventType.Submitted, submitted) };
        var at = submitted;
        DateTime? Step(RequestEventType type, double meanHours)
        {
            var next = at.AddHours(-Math.Log(1 - _random.NextDouble()) * meanHours);
            if (next >= now) return null;
            events.Add((type, at = next));
            return next;
        }
        var acknowledged = Step(RequestEventType.Acknowledged, ack * 0.5);
        DateTime? firstAt = null, finalAt = null;
        if (acknowledged is not null && _random.NextDouble() < 0.1 && Step(RequestEventType.ClarificationRequested, 6) is not null)
            Step(RequestEventType.ClarificationProvided, 24);
        if (acknowledged is not null && events[^1].Type != RequestEventType.ClarificationRequested)
        {
            if (_random.NextDouble() < 0.3) firstAt = Step(RequestEventType.PartialAnswer, first * 0.6);
            if (firstAt is not null || events[^1].Type == RequestEventType.Acknowledged)
            {
                finalAt = Step(RequestEventType.FinalAnswer, final * 0.5);
                firstAt ??= finalAt;
                if (finalAt is not null && _random.NextDouble() < 0.8) Step(RequestEventType.Closed, 48);
            }
        }
        var last = events[^1].Type;
        request.Status = last switch
        {
            RequestEventType.Submitted => RequestStatus.Submitted, RequestEventType.Acknowledged => RequestStatus.Acknowledged,
            RequestEventType.ClarificationRequested => RequestStatus.AwaitingClarification, RequestEventType.ClarificationProvided or RequestEventType.PartialAnswer => RequestStatus.InProgress,
            RequestEventType.FinalAnswer => RequestStatus.Answered, _ => RequestStatus.Closed,
        };
        request.IsOpen = Request.IsOpenStatus(request.Status);
        request.Version = events.Count;
        for (var i = 0; i < events.Count; i++)
            Events.Add(new RequestEvent { Id = Guid.NewGuid(), RequestId = request.Id, Sequence = i + 1, Type = events[i].Type, OccurredAt = events[i].At, ActorUserId = userId, ActorAgencyId = request.FromAgencyId });
        foreach (var (kind, hours, done) in new[] { (DeadlineKind.Acknowledge, ack, acknowledged), (DeadlineKind.FirstAnswer, first, firstAt), (DeadlineKind.FinalAnswer, final, finalAt) })
        {
            var due = submitted.AddHours(hours);
            Deadlines.Add(new RequestDeadline
            {
                RequestId = request.Id, Kind = kind, DueAt = due, CompletedAt = done,
                State = done is null ? DeadlineState.Pending : done <= due ? DeadlineState.Met : DeadlineState.Missed,
            });
        }
        if (finalAt is { } answered && _random.NextDouble() < 0.7)
            Ratings.Add(new AnswerRating
            {
                Id = Guid.NewGuid(), RequestId = request.Id, AnswerEventId = Events[^1].Type == RequestEventType.Closed ? Events[^2].Id : Events[^1].Id,
                Completeness = _random.Next(1, 6), Relevance = _random.Next(1, 6), Actionability = _random.Next(1, 6), Outcome = (RatingOutcome)_random.Next(3),
                RatedByUserId = userId, RatedByAgencyId = request.FromAgencyId, RatedAt = answered.AddHours(_random.Next(1, 72)),
            });
        if (_random.NextDouble() < 0.03)
        {
            var raised = submitted.AddHours(ack);
            var level = Pick([0.6, 0.3, 0.1]) + 1;
            var reached = raised.AddHours(2 * (level - 1));
            Escalations.Add(new Escalation.Escalation
            {
                Id = Guid.NewGuid(), MechanismId = directory.MechanismId, RequestId = request.Id, Cause = (EscalationCause)_random.Next(2), Reason = "Generated",
                RaisedBySide = Side.Requesting, Status = EscalationStatus.Acknowledged, Level = level, RaisedAt = raised, LevelReachedAt = reached,
                AcknowledgedAt = _random.NextDouble() < 0.9 ? reached.AddMinutes(_random.Next(5, 240)) : null,
            });
        }
    }

    private void Session(DateTime opened)
    {
        var session = new HotlineSession
        {
            Id = Guid.NewGuid(), MechanismId = directory.MechanismId, Subject = "Generated", OpenedAt = opened, OpenedByUserId = userId, OpenedByPartyId = directory.UsPartyId,
            Status = HotlineSessionStatus.Closed, ClosedAt = opened.AddHours(3), Outcome = (HotlineOutcome)_random.Next(4),
        };
        Sessions.Add(session);
        foreach (var party in new[] { directory.UsPartyId, directory.CnPartyId })
            Participants.Add(new HotlineParticipant { Id = Guid.NewGuid(), SessionId = session.Id, PartyId = party, CalledAt = opened, AcknowledgedAt = opened.AddMinutes(_random.Next(1, 120)) });
    }

    private void Check(DateTime started)
    {
        var check = new CommunicationCheck { Id = Guid.NewGuid(), MechanismId = directory.MechanismId, StartedAt = started, AnswerWithin = TimeSpan.FromHours(1), DueAt = started.AddHours(1) };
        Checks.Add(check);
        foreach (var (contact, agency, party) in contacts)
        {
            var result = (PingResult)(Pick([0.8, 0.15, 0.05]) + 1);
            Pings.Add(new CommunicationCheckPing
            {
                Id = Guid.NewGuid(), CheckId = check.Id, ContactId = contact, AgencyId = agency, PartyId = party, TokenHash = Guid.NewGuid().ToByteArray(),
                SentAt = started, Result = result, AnsweredAt = result == PingResult.Never ? null : started.AddMinutes(result == PingResult.OnTime ? 20 : 90),
            });
        }
    }

    private int Pick(double[] weights)
    {
        var x = _random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
            if ((x -= weights[i]) < 0) return i;
        return weights.Length - 1;
    }
}
