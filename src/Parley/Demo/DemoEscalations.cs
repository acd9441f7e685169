using Parley.Data;
using Parley.Escalation;
using Parley.Identity;
using Parley.Requests;

namespace Parley.Demo;

/// The escalation ladder of the demo mechanism and what the watcher and both sides would have done with it
/// over the demo year: every missed deadline recorded and escalated (most acknowledged at the desk, some only
/// by the supervisors or the hotline co-chairs, a few left at the top of the ladder), plus escalations raised
/// by hand, mostly over answers that arrived but were unusable. Steps go on the request timelines in time order.
public sealed class DemoEscalations(DemoDirectory dir, DemoTraffic traffic, DateTime now, Random random)
{
    private static readonly (string Name, Roles Notify, int Hours)[] Ladder =
        [("Desk", Roles.Officer, 4), ("Agency supervisor", Roles.Supervisor, 8), ("Hotline co-chairs", Roles.HotlineOfficer, 24)];

    private static readonly string[] UnusableReasons =
    [
        "Answer received but unusable: the logs cover the wrong week.",
        "Answer received but unusable: subscriber records are for a different IP address.",
        "Answer received but unusable: no timestamps or time zone on the connection records.",
        "Answer received but unusable: it says the server was taken down, with no preserved image.",
    ];

    private static readonly string[] Resolutions =
    [
        "Answer received; the delay is noted for the next dialogue round.",
        "Discussed on the hotline; the responding agency confirmed the new date and met it.",
        "Supplementary answer received and usable.",
        "Responding desk was short-staffed over the holiday; answer received since.",
    ];

    public List<EscalationLevel> Levels { get; } = [];
    public List<DeadlineAlert> Alerts { get; } = [];
    public List<Parley.Escalation.Escalation> Escalations { get; } = [];

    public static void AddTo(ParleyDbContext db, DemoDirectory dir, DemoTraffic traffic, DateTime now)
    {
        var demo = new DemoEscalations(dir, traffic, now, new Random(DemoTraffic.Year + 1));
        demo.Generate();
        db.EscalationLevels.AddRange(demo.Levels);
        db.DeadlineAlerts.AddRange(demo.Alerts);
        db.Escalations.AddRange(demo.Escalations);
    }

    public void Generate()
    {
        for (var i = 0; i < Ladder.Length; i++)
            Levels.Add(new EscalationLevel
            {
                Id = Guid.CreateVersion7(now), MechanismId = dir.Mechanism.Id, Level = i + 1, Name = Ladder[i].Name,
                Notify = Ladder[i].Notify, AcknowledgeWithin = TimeSpan.FromHours(Ladder[i].Hours),
            });
        var manual = 0;
        foreach (var request in traffic.Requests.Where(r => r.SubmittedAt is not null))
        {
            var before = request.Events.Count;
            EscalateMissedDeadlines(request);
            if (manual < 8 && traffic.Ratings.SingleOrDefault(r => r.RequestId == request.Id) is { Score: < 2.5 } rating && Chance(0.6))
            {
                RaiseUnusable(request, rating.RatedAt);
                manual++;
            }
            if (request.Events.Count != before) Resequence(request);
        }
    }

    /// As the watcher would have: one escalation per missed deadline, unless one is still waiting for acknowledgement.
    private void EscalateMissedDeadlines(Request request)
    {
        DateTime? openUntil = null;
        // The still-running deadlines' at-risk alerts too, so that the watcher's first pass finds its work done.
        foreach (var running in request.Deadlines.Where(d => d.State == DeadlineState.Pending && d.AtRiskAt < now && d.DueAt is not null))
            Alerts.Add(new DeadlineAlert
            {
                Id = Guid.CreateVersion7(running.AtRiskAt!.Value), RequestId = request.Id, Deadline = running.Kind, Level = AlertLevel.AtRisk,
                DueAt = running.DueAt!.Value, FellAt = running.AtRiskAt.Value, RecordedAt = running.AtRiskAt.Value,
            });
        var missed = request.Deadlines
            .Where(d => d.DueAt is { } due && (d.State == DeadlineState.Missed || (d.State == DeadlineState.Pending && due < now)))
            .OrderBy(d => d.DueAt);
        foreach (var deadline in missed)
        {
            var due = deadline.DueAt!.Value;
            var alert = new DeadlineAlert
            {
                Id = Guid.CreateVersion7(due), RequestId = request.Id, Deadline = deadline.Kind, Level = AlertLevel.Missed,
                DueAt = due, FellAt = due, RecordedAt = due,
            };
            Alerts.Add(alert);
            if (openUntil is null || openUntil <= due)
            {
                var escalation = Raise(request, EscalationCause.MissedDeadline, DeadlineWatch.MissedReason(deadline.Kind, due), Side.Requesting,
                    null, request.FromAgencyId, due, alert);
                // Still unanswered when the demo year ends: now and then nobody picked it up, not even the co-chairs.
                openUntil = Settle(request, escalation, deadline.CompletedAt, mayStayOpen: deadline.State == DeadlineState.Pending);
            }
        }
    }

    /// The requester escalates a poor answer within two days of rating it; the other side takes it up, often only higher up.
    private void RaiseUnusable(Request request, DateTime ratedAt)
    {
        var raisedAt = ratedAt.AddMinutes(random.Next(30, 48 * 60));
        if (raisedAt >= now || Escalations.Any(e => e.RequestId == request.Id && !(e.AcknowledgedAt <= raisedAt))) return;
        var raiser = request.Events.First(e => e.Type == RequestEventType.Submitted);
        var escalation = Raise(request, EscalationCause.Manual, UnusableReasons[random.Next(UnusableReasons.Length)], Side.Requesting,
            raiser.ActorUserId, raiser.ActorAgencyId, raisedAt, null, ActorById(raiser.ActorUserId));
        Settle(request, escalation, null, levelOneShare: 0.3);
    }

    private Parley.Escalation.Escalation Raise(Request request, EscalationCause cause, string reason, Side side, Guid? userId, Guid agencyId,
        DateTime at, DeadlineAlert? alert, Actor? actor = null)
    {
        var escalation = Parley.Escalation.Escalation.Raise(request, Levels[0], cause, reason, side, userId, agencyId, at, alert);
        Escalations.Add(escalation);
        EscalationEffects.AppendToTimeline(request, escalation, escalation.Steps[0], Levels, actor ?? Actor.System);
        return escalation;
    }

    /// Climbs until acknowledged (mostly at the desk, sometimes higher, sometimes not until the ladder ran out),
    /// and resolves it once the late answer is in. Returns when it stopped waiting (null: it never did).
    private DateTime? Settle(Request request, Parley.Escalation.Escalation escalation, DateTime? answeredAt, double levelOneShare = 0.45, bool mayStayOpen = false)
    {
        var raised = escalation.RaisedAt;
        var roll = random.NextDouble();
        var ackAt = raised.AddMinutes(
            roll < levelOneShare ? random.Next(15, 4 * 60)
            : roll < levelOneShare + 0.25 ? random.Next(4 * 60 + 10, 12 * 60)
            : roll < 0.9 ? random.Next(12 * 60 + 30, 36 * 60)
            : random.Next(40 * 60, 90 * 60));
        // A late answer that arrives first is acknowledged a minute after it.
        if (answeredAt is { } answered && answered < ackAt) ackAt = answered.AddMinutes(1);
        var neverAcknowledged = ackAt >= now || (mayStayOpen && Chance(0.5));
        Climb(request, escalation, neverAcknowledged ? now : ackAt);
        if (neverAcknowledged) return null;

        var acknowledger = Acknowledger(request, escalation.RaisedBySide, escalation.Level);
        var ack = escalation.Acknowledge(acknowledger.UserId, ackAt, escalation.Level == 1 ? null : "Taken up with the desk; answer to follow.");
        EscalationEffects.AppendToTimeline(request, escalation, ack, Levels, acknowledger);

        var resolveAt = (answeredAt is { } a && a > ackAt ? a : ackAt).AddMinutes(random.Next(60, 24 * 60));
        if (resolveAt < now && (request.IsOpen == false || Chance(0.3)))
        {
            var resolver = ActorById(escalation.RaisedByUserId) ?? RequesterOf(request);
            var resolved = escalation.Resolve(resolver.UserId, resolveAt, Resolutions[random.Next(Resolutions.Length)]);
            EscalationEffects.AppendToTimeline(request, escalation, resolved, Levels, resolver);
        }
        return ackAt;
    }

    private void Climb(Request request, Parley.Escalation.Escalation escalation, DateTime until)
    {
        while (escalation.ClimbIfDue(EscalationLadder.Next(Levels, escalation.Level), until) is { } step)
            EscalationEffects.AppendToTimeline(request, escalation, step, Levels, Actor.System);
    }

    /// The side escalated to: its desk officer who handled the request, its supervisor, its hotline officer.
    private Actor Acknowledger(Request request, Side raisedBy, int level)
    {
        var toRequester = raisedBy == Side.Responding;
        var partyId = toRequester ? request.FromPartyId : request.ToPartyId;
        var us = partyId == dir.Us.Id;
        if (level >= 3) return dir.ActorOf(us ? "us.hotline" : "cn.hotline");
        if (level == 2) return dir.ActorOf(us ? "us.supervisor" : "cn.supervisor");
        var desk = request.Events.FirstOrDefault(e => ActorById(e.ActorUserId) is { } a && a.PartyId == partyId);
        return desk is not null ? ActorById(desk.ActorUserId)! : dir.ActorOf(us ? "us.officer" : "cn.officer");
    }

    private Actor RequesterOf(Request request) => ActorById(request.Events.First(e => e.Type == RequestEventType.Submitted).ActorUserId)!;

    private Actor? ActorById(Guid? userId) =>
        dir.Users.Values.FirstOrDefault(u => u.Id == userId) is { } user ? dir.ActorOf(user.UserName) : null;

    /// Steps recorded after the request's life was simulated go where they happened in time.
    private static void Resequence(Request request)
    {
        var sequence = 0;
        foreach (var e in request.Events.OrderBy(e => e.OccurredAt).ThenBy(e => e.Sequence).ToList()) e.Sequence = ++sequence;
        request.Events.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
    }

    private bool Chance(double p) => random.NextDouble() < p;
}
