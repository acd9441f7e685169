using Microsoft.EntityFrameworkCore;
using NodaTime;
using Parley.Data;
using Parley.Directory;
using Parley.Hotline;
using Parley.Requests;

namespace Parley.Demo;

/// The hotline of the demo year: weekly on-call rosters of both parties (2016 and the weeks around today),
/// about ten hotline sessions (from the escalations the seed holds, else about requests that ran late),
/// and monthly communication checks whose answers are good from the 24/7 desks, patchier from offices
/// pinged outside their working hours, and improving after the second dialogue round.
public sealed class DemoHotline(ParleyDbContext db, DemoDirectory dir, Random random)
{
    private static readonly DateTime SecondRound = new(2016, 6, 14, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromHours(4);
    private readonly List<OnCallShift> _shifts = [];

    /// Adds and saves the hotline rows; called inside the seeder's transaction once the requests are stored.
    public static Task SeedAsync(ParleyDbContext db, DemoDirectory dir, IReadOnlyList<Request> requests, DateTime now, CancellationToken ct) =>
        new DemoHotline(db, dir, new Random(DemoTraffic.Year + 1)).RunAsync(requests, now, ct);

    private async Task RunAsync(IReadOnlyList<Request> requests, DateTime now, CancellationToken ct)
    {
        foreach (var party in new[] { dir.Us, dir.Cn })
        {
            Roster(party, new LocalDate(2015, 12, 28), 54);
            if (now.Year > DemoTraffic.Year + 1) Roster(party, LocalDate.FromDateTime(now).Previous(IsoDayOfWeek.Monday), 5);
        }
        db.OnCallShifts.AddRange(_shifts);
        await SessionsAsync(requests, ct);
        Checks();
        await db.SaveChangesAsync(ct);
    }

    /// Week-long shifts from Monday 09:00 local, the hotline officer and the supervisor taking turns.
    private void Roster(Party party, LocalDate firstMonday, int weeks)
    {
        var zone = DateTimeZoneProviders.Tzdb[party.TimeZone];
        var code = party.Code.ToLowerInvariant();
        for (var w = 0; w < weeks; w++)
        {
            var start = (firstMonday.PlusWeeks(w) + new LocalTime(9, 0)).InZoneLeniently(zone).ToDateTimeUtc();
            var end = (firstMonday.PlusWeeks(w + 1) + new LocalTime(9, 0)).InZoneLeniently(zone).ToDateTimeUtc();
            var user = dir.Users[w % 2 == 0 ? $"{code}.hotline" : $"{code}.supervisor"];
            _shifts.Add(new OnCallShift { Id = Guid.CreateVersion7(start), PartyId = party.Id, UserId = user.Id, StartsAt = start, EndsAt = end, Note = w % 2 == 0 ? "Hotline officer week" : "Supervisor cover" });
        }
    }

    private Guid Holder(Party party, DateTime at) =>
        _shifts.FirstOrDefault(s => s.PartyId == party.Id && s.StartsAt <= at && at < s.EndsAt)?.UserId ?? dir.Users[$"{party.Code.ToLowerInvariant()}.hotline"].Id;

    private async Task SessionsAsync(IReadOnlyList<Request> requests, CancellationToken ct)
    {
        var escalations = await db.Escalations.AsNoTracking().Where(e => e.MechanismId == dir.Mechanism.Id).OrderBy(e => e.RaisedAt).ToListAsync(ct);
        var topics = escalations.Count > 0
            ? Spread(escalations, 7).Select(e => (At: e.LevelReachedAt.AddMinutes(40), Request: requests.FirstOrDefault(r => r.Id == e.RequestId), Escalation: (Guid?)e.Id, Subject: $"Escalation: {e.Reason}")).ToList()
            : Spread(requests.Where(r => r.Deadlines.Any(d => d.State == DeadlineState.Missed && d.DueAt != null)).ToList(), 7)
                .Select(r => (At: r.Deadlines.First(d => d.State == DeadlineState.Missed).DueAt!.Value.AddHours(3), Request: (Request?)r, Escalation: (Guid?)null,
                    Subject: $"{r.Reference}: deadline missed on \"{r.Subject}\"")).ToList();
        topics.Add((new DateTime(2016, 1, 12, 14, 0, 0, DateTimeKind.Utc), null, null, "Hotline launch: first test call between the co-chairs' offices"));
        topics.Add((new DateTime(2016, 6, 2, 13, 30, 0, DateTimeKind.Utc), null, null, "Preparing the case status report for the second dialogue round"));
        topics.Add((new DateTime(2016, 12, 19, 14, 0, 0, DateTimeKind.Utc), null, null, "Priority cases list ahead of the year-end review"));

        var outcomes = new[] { HotlineOutcome.Resolved, HotlineOutcome.PartlyResolved, HotlineOutcome.Resolved, HotlineOutcome.Unresolved, HotlineOutcome.Referred,
            HotlineOutcome.PartlyResolved, HotlineOutcome.Resolved, HotlineOutcome.Unresolved, HotlineOutcome.Resolved, HotlineOutcome.PartlyResolved };
        var ordered = topics.OrderBy(t => t.At).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var (at, request, escalation, subject) = ordered[i];
            var usOpens = request is null ? i % 2 == 0 : request.FromPartyId == dir.Us.Id;
            var (opener, other) = usOpens ? (dir.Us, dir.Cn) : (dir.Cn, dir.Us);
            var session = new HotlineSession
            {
                Id = Guid.CreateVersion7(at), MechanismId = dir.Mechanism.Id, EscalationId = escalation, Subject = subject.Length > 500 ? subject[..500] : subject,
                Status = HotlineSessionStatus.Open, OpenedAt = at, OpenedByUserId = Holder(opener, at), OpenedByPartyId = opener.Id, Version = 1,
            };
            // The last session is still open, and in one the other side never picked up.
            var isLast = i == ordered.Count - 1;
            var unanswered = outcomes[i % outcomes.Length] == HotlineOutcome.Unresolved && i % 3 == 0;
            foreach (var (party, ackAfter) in new[] { (opener, random.Next(1, 6)), (other, unanswered ? -1 : random.Next(4, isLast ? 30 : 150)) })
            {
                var called = Holder(party, at);
                session.Participants.Add(new HotlineParticipant
                {
                    Id = Guid.CreateVersion7(at), SessionId = session.Id, PartyId = party.Id, CalledUserId = called, CalledAt = at,
                    AcknowledgedAt = ackAfter < 0 ? null : at.AddMinutes(ackAfter), AcknowledgedByUserId = ackAfter < 0 ? null : called,
                });
            }
            if (request is not null) session.Requests.Add(new HotlineSessionRequest { SessionId = session.Id, RequestId = request.Id });
            Note(session, opener, at.AddMinutes(10), request is null ? "Agenda agreed; each side names a contact for follow-up." : $"Raised {request.Reference}; the responding side checks where it stands.");
            if (!isLast)
            {
                var outcome = outcomes[i % outcomes.Length];
                var closedAt = at.AddHours(random.Next(1, 30));
                Note(session, other, closedAt.AddMinutes(-20), NoteFor(outcome));
                session.Status = HotlineSessionStatus.Closed;
                session.Outcome = outcome;
                session.OutcomeNote = NoteFor(outcome);
                session.ClosedAt = closedAt;
                session.ClosedByUserId = session.OpenedByUserId;
                session.Version = 4;
            }
            db.HotlineSessions.Add(session);
        }
    }

    private static List<T> Spread<T>(IReadOnlyList<T> items, int count) =>
        items.Count <= count ? items.ToList() : Enumerable.Range(0, count).Select(i => items[i * items.Count / count]).ToList();

    private void Note(HotlineSession session, Party party, DateTime at, string text) => session.Notes.Add(new HotlineNote
    {
        Id = Guid.CreateVersion7(at), SessionId = session.Id, At = at, AuthorUserId = Holder(party, at), AuthorPartyId = party.Id, Text = text,
    });

    private static string NoteFor(HotlineOutcome outcome) => outcome switch
    {
        HotlineOutcome.Resolved => "Answer promised within two working days and delivered; nothing further needed.",
        HotlineOutcome.PartlyResolved => "Acknowledged and partly answered; the logs follow through the normal channel.",
        HotlineOutcome.Unresolved => "No agreement on the scope of the request; to be raised at the next dialogue round.",
        _ => "Referred to the ministries' legal advisers for the data-preservation question.",
    };

    /// Monthly checks on the 15th, alternately in New York's and Beijing's morning.
    private void Checks()
    {
        var contacts = dir.Agencies.Values.SelectMany(a => a.Contacts.Select(c => (Contact: c, Agency: a))).ToList();
        for (var month = 1; month <= 12; month++)
        {
            var at = new DateTime(DemoTraffic.Year, month, 15, month % 2 == 1 ? 14 : 2, 0, 0, DateTimeKind.Utc);
            var check = new CommunicationCheck { Id = Guid.CreateVersion7(at), MechanismId = dir.Mechanism.Id, StartedAt = at, AnswerWithin = AnswerWithin, DueAt = at + AnswerWithin };
            foreach (var (contact, agency) in contacts)
            {
                var party = agency.PartyId == dir.Us.Id ? dir.Us : dir.Cn;
                var (onTime, late) = Odds(contact, party, at);
                var roll = random.NextDouble();
                var result = roll < onTime ? PingResult.OnTime : roll < onTime + late ? PingResult.Late : PingResult.Never;
                DateTime? answered = result switch
                {
                    PingResult.OnTime => at.AddMinutes(random.Next(2, (int)AnswerWithin.TotalMinutes)),
                    PingResult.Late => at + AnswerWithin + TimeSpan.FromMinutes(random.Next(5, 16 * 60)),
                    _ => null,
                };
                check.Pings.Add(new CommunicationCheckPing
                {
                    Id = Guid.CreateVersion7(at), CheckId = check.Id, ContactId = contact.Id, AgencyId = agency.Id, PartyId = party.Id,
                    TokenHash = CommunicationChecks.Hash(CommunicationChecks.NewToken()), SentAt = at, AnsweredAt = answered, Result = result,
                });
            }
            db.CommunicationChecks.Add(check);
        }
    }

    /// Chances of answering on time and late; the rest never answer.
    private static (double OnTime, double Late) Odds(PointOfContact contact, Party party, DateTime at)
    {
        var improved = at >= SecondRound ? 0.1 : 0;
        if (contact.Availability == ContactAvailability.AlwaysOn) return (0.85 + improved, 0.08);
        var local = Instant.FromDateTimeUtc(at).InZone(DateTimeZoneProviders.Tzdb[party.TimeZone]);
        var inOffice = local.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && local.Hour is >= 9 and < 17;
        return inOffice ? (0.65 + improved, 0.2) : (0.2 + improved, 0.45);
    }
}
