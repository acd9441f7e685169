using System.Net;
using System.Security.Cryptography;
using Parley.Escalation;
using Parley.Hotline;
using Parley.Requests;
using Parley.Tests.Infrastructure;
using Parley.Tests.Requests;

namespace Parley.Tests.Oversight;

/// A hand-built history for the oversight report, driven through the real API on the fake clock, plus
/// escalation, hotline and communication-check rows written directly. The report period is
/// 2026-01-05 to 2026-01-31 (to = 2026-02-01T00:00Z exclusive, "E" below). Requests of the period:
///
/// US→CN (CN answers; CN business hours 09–17 Shanghai = 01:00–09:00Z, Mon–Fri)
///   A urgent information    Mon 01-05 14:00Z  ack +2h · partial +10h · final +30h  rated 5/4/3 information-provided
///   B urgent mitigation     Tue 01-06 14:00Z  ack +6h (missed, due 4h) · final +20h  rated 2/3/1 nothing-usable
///   C urgent information    Wed 01-07 14:00Z  ack +1h · clarification asked +3h, given +13h (10h pause) · final +40h
///                           = 30h clock time; first answer due 24h+10h = +34h → missed; rated 4/4/4 mitigation-confirmed
///   D high preservation     Fri 01-09 08:00Z (16:00 Shanghai) ack Mon 01-12 02:00Z = 1h Fri + 1h Mon = 2 business hours
///                           (66 calendar hours over the weekend) · final Tue 01-13 03:00Z = 1 + 8 + 2 = 11 business hours
///   F high information      Mon 01-12 03:00Z  ack +2h; never answered: first due Thu 01-15 03:00Z, final due Mon 01-26 03:00Z, both missed by E
///   E routine notification  Mon 01-26 02:00Z  never acknowledged: ack due Wed 01-28 02:00Z (7 + 8 + 1 business hours) → missed;
///                           first due Mon 02-09, final in March: undecided at E
///   G urgent inv.-assist.   Fri 01-30 20:00Z  ack +1h · final Sun 02-01 10:00Z, after E: first due 01-31 20:00Z missed at E,
///                           final due 02-02 20:00Z undecided; its answer times are not measured
/// CN→US (US answers; US business hours 09–17 New York = 14:00–22:00Z in January)
///   H high mitigation       Fri 01-16 21:00Z (16:00 NY) ack Mon 01-19 15:30Z = 1 + 1.5 = 2.5 business hours · final Mon 20:00Z = 1 + 6 = 7
///                           rated 3/5/2 information-provided
///   I urgent information    Tue 01-20 14:00Z  ack +3h · partial +5h · final +50h  rated 4/4/5 mitigation-confirmed
/// Before the period, US→CN: Old (routine, 2025-10-06, never answered), Mid (routine, 2025-12-15, never answered) and
/// Done (urgent, 2025-12-15, answered and rated the same day): only Old and Mid are in the backlog at E.
public static class OversightScenario
{
    public const string From = "2026-01-05", To = "2026-01-31";
    public static readonly DateTimeOffset Start = new(2025, 10, 6, 14, 0, 0, TimeSpan.Zero);

    public static async Task<Dictionary<string, Guid>> BuildAsync(TestApp app)
    {
        var ids = new Dictionary<string, Guid>();
        var steps = new List<(DateTime At, Func<Task> Step)>();
        void At(string utc, Func<Task> step) => steps.Add((DateTime.Parse(utc + "Z", null, System.Globalization.DateTimeStyles.AdjustToUniversal), step));
        Func<Task> Submit(string name, string priority, string kind, string from = "us.officer", string toParty = "CN") => async () =>
        {
            var body = RequestBodies.Valid(priority, toParty: toParty);
            body["kind"] = kind;
            var response = await app.As(from).PostJsonAsync("/api/v1/requests", body);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids[name] = Guid.Parse((await response.ReadAsync()).Path("summary", "id").GetString()!);
        };
        Func<Task> Act(string name, string user, string action) => async () =>
        {
            var response = await app.As(user).PostJsonAsync($"/api/v1/requests/{ids[name]}/{action}", new { message = $"{action} of {name}" });
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action} {name}: {await response.Content.ReadAsStringAsync()}");
        };
        Func<Task> Rate(string name, string user, int c, int r, int a, string outcome) => async () =>
        {
            var response = await app.As(user).PostJsonAsync($"/api/v1/requests/{ids[name]}/rating", new { completeness = c, relevance = r, actionability = a, outcome });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        };

        At("2025-10-06 14:00", Submit("Old", "routine", "information"));
        At("2025-12-15 14:00", Submit("Mid", "routine", "information"));
        At("2025-12-15 14:00", Submit("Done", "urgent", "information"));
        At("2025-12-15 16:00", Act("Done", "cn.officer", "acknowledge"));
        At("2025-12-15 16:00", Act("Done", "cn.officer", "final-answer"));
        At("2025-12-15 16:00", Rate("Done", "us.officer", 1, 1, 1, "nothing-usable"));

        At("2026-01-05 14:00", Submit("A", "urgent", "information"));
        At("2026-01-05 16:00", Act("A", "cn.officer", "acknowledge"));
        At("2026-01-06 00:00", Act("A", "cn.officer", "partial-answer"));
        At("2026-01-06 14:00", Submit("B", "urgent", "mitigation"));
        At("2026-01-06 20:00", Act("A", "cn.officer", "final-answer"));
        At("2026-01-06 20:00", Rate("A", "us.officer", 5, 4, 3, "information-provided"));
        At("2026-01-06 20:00", Act("B", "cn.officer", "acknowledge"));
        At("2026-01-07 10:00", Act("B", "cn.officer", "final-answer"));
        At("2026-01-07 10:00", Rate("B", "us.supervisor", 2, 3, 1, "nothing-usable"));
        At("2026-01-07 14:00", Submit("C", "urgent", "information"));
        At("2026-01-07 15:00", Act("C", "cn.officer", "acknowledge"));
        At("2026-01-07 17:00", Act("C", "cn.officer", "request-clarification"));
        At("2026-01-08 03:00", Act("C", "us.officer", "clarify"));
        At("2026-01-09 06:00", Act("C", "cn.officer", "final-answer"));
        At("2026-01-09 06:00", Rate("C", "us.officer", 4, 4, 4, "mitigation-confirmed"));
        At("2026-01-09 08:00", Submit("D", "high", "preservation"));
        At("2026-01-12 02:00", Act("D", "cn.officer", "acknowledge"));
        At("2026-01-12 03:00", Submit("F", "high", "information"));
        At("2026-01-12 05:00", Act("F", "cn.officer", "acknowledge"));
        At("2026-01-13 03:00", Act("D", "cn.officer", "final-answer"));
        At("2026-01-16 21:00", Submit("H", "high", "mitigation", "cn.officer", "US"));
        At("2026-01-19 15:30", Act("H", "us.officer", "acknowledge"));
        At("2026-01-19 20:00", Act("H", "us.officer", "final-answer"));
        At("2026-01-19 20:00", Rate("H", "cn.officer", 3, 5, 2, "information-provided"));
        At("2026-01-20 14:00", Submit("I", "urgent", "information", "cn.officer", "US"));
        At("2026-01-20 17:00", Act("I", "us.officer", "acknowledge"));
        At("2026-01-20 19:00", Act("I", "us.officer", "partial-answer"));
        At("2026-01-22 16:00", Act("I", "us.officer", "final-answer"));
        At("2026-01-22 16:00", Rate("I", "cn.supervisor", 4, 4, 5, "mitigation-confirmed"));
        At("2026-01-26 02:00", Submit("E", "routine", "notification"));
        At("2026-01-30 20:00", Submit("G", "urgent", "investigative-assistance"));
        At("2026-01-30 21:00", Act("G", "cn.officer", "acknowledge"));
        At("2026-02-01 10:00", Act("G", "cn.officer", "final-answer"));

        foreach (var (at, step) in steps)
        {
            if (at > app.Time.GetUtcNow().UtcDateTime) app.Time.SetUtcNow(at);
            await step();
        }
        app.Time.SetUtcNow(new DateTime(2026, 2, 2, 12, 0, 0, DateTimeKind.Utc));
        await InsertActivityAsync(app, ids);
        return ids;
    }

    private static DateTime T(string utc) => DateTime.SpecifyKind(DateTime.Parse(utc), DateTimeKind.Utc);

    /// Escalations, hotline sessions and communication checks, each with one row outside the period.
    private static Task InsertActivityAsync(TestApp app, Dictionary<string, Guid> ids) => app.WithDbAsync(async db =>
    {
        var mechanism = app.Directory.Mechanism.Id;
        Parley.Escalation.Escalation Escalation(string request, EscalationCause cause, int level, string raised, string reached, string? acknowledged) => new()
        {
            Id = Guid.NewGuid(), MechanismId = mechanism, RequestId = ids[request], Cause = cause, Reason = "test", Level = level,
            RaisedBySide = Side.Requesting, Status = acknowledged is null ? EscalationStatus.Open : EscalationStatus.Acknowledged,
            RaisedAt = T(raised), LevelReachedAt = T(reached), AcknowledgedAt = acknowledged is null ? null : T(acknowledged),
        };
        db.Escalations.AddRange(
            Escalation("A", EscalationCause.Manual, 1, "2026-01-05 16:00", "2026-01-05 16:00", "2026-01-05 20:00"),          // US→CN level 1, 4 h
            Escalation("B", EscalationCause.MissedDeadline, 1, "2026-01-06 18:00", "2026-01-06 18:00", "2026-01-06 19:30"),  // US→CN level 1, 1.5 h
            Escalation("C", EscalationCause.Manual, 2, "2026-01-08 10:00", "2026-01-08 12:00", "2026-01-08 15:00"),          // US→CN level 2, 3 h
            Escalation("F", EscalationCause.MissedDeadline, 3, "2026-01-15 03:00", "2026-01-15 09:00", null),                // US→CN level 3, open
            Escalation("H", EscalationCause.Manual, 1, "2026-01-19 16:00", "2026-01-19 16:00", "2026-01-19 16:30"),          // CN→US level 1, 0.5 h
            Escalation("Old", EscalationCause.MissedDeadline, 2, "2025-10-10 10:00", "2025-10-10 12:00", "2025-10-10 13:00")); // before the period

        var us = await Party(db, "US");
        var cn = await Party(db, "CN");
        HotlineSession Session(string opened, HotlineOutcome? outcome, string? closed, string? usAck, string? cnAck)
        {
            var session = new HotlineSession
            {
                Id = Guid.NewGuid(), MechanismId = mechanism, Subject = "test", OpenedAt = T(opened), OpenedByUserId = app.Directory.Users["us.hotline"],
                OpenedByPartyId = us, Status = outcome is null ? HotlineSessionStatus.Open : HotlineSessionStatus.Closed, Outcome = outcome,
                ClosedAt = closed is null ? null : T(closed),
            };
            foreach (var (party, ack) in new[] { (us, usAck), (cn, cnAck) })
                session.Participants.Add(new HotlineParticipant { Id = Guid.NewGuid(), SessionId = session.Id, PartyId = party, CalledAt = T(opened), AcknowledgedAt = ack is null ? null : T(ack) });
            return session;
        }
        db.HotlineSessions.AddRange(
            Session("2026-01-08 13:00", HotlineOutcome.Resolved, "2026-01-08 15:00", "2026-01-08 13:10", "2026-01-08 13:45"),       // both after 0.75 h
            Session("2026-01-15 04:00", HotlineOutcome.PartlyResolved, "2026-01-15 08:00", "2026-01-15 04:30", "2026-01-15 06:00"), // both after 2 h
            Session("2026-01-20 10:00", null, null, "2026-01-20 10:20", null),                                                       // open, CN never
            Session("2025-12-20 10:00", HotlineOutcome.Unresolved, "2025-12-20 12:00", "2025-12-20 10:05", "2025-12-20 10:10"));   // before the period

        CommunicationCheck Check(string started, params (string Contact, string Agency, Guid Party, PingResult Result)[] pings)
        {
            var check = new CommunicationCheck { Id = Guid.NewGuid(), MechanismId = mechanism, StartedAt = T(started), AnswerWithin = TimeSpan.FromHours(1), DueAt = T(started).AddHours(1) };
            foreach (var p in pings)
                check.Pings.Add(new CommunicationCheckPing
                {
                    Id = Guid.NewGuid(), CheckId = check.Id, ContactId = app.Directory.Contacts[p.Contact], AgencyId = app.Directory.Agencies[p.Agency],
                    PartyId = p.Party, TokenHash = RandomNumberGenerator.GetBytes(32), SentAt = T(started), Result = p.Result,
                    AnsweredAt = p.Result is PingResult.OnTime or PingResult.Late ? T(started).AddMinutes(p.Result == PingResult.OnTime ? 20 : 90) : null,
                });
            return check;
        }
        db.CommunicationChecks.AddRange(
            Check("2026-01-07 10:00", ("FBI desk", "FBI", us, PingResult.OnTime), ("FBI duty", "FBI", us, PingResult.Late), ("DHS desk", "DHS", us, PingResult.Never),
                ("MPS desk", "MPS", cn, PingResult.OnTime), ("MPS duty", "MPS", cn, PingResult.OnTime), ("MSS desk", "MSS", cn, PingResult.Late)),
            Check("2026-01-21 10:00", ("FBI desk", "FBI", us, PingResult.OnTime), ("MPS desk", "MPS", cn, PingResult.OnTime), ("MSS desk", "MSS", cn, PingResult.Pending)),
            Check("2025-11-01 10:00", ("FBI desk", "FBI", us, PingResult.Never), ("MPS desk", "MPS", cn, PingResult.Never)));
        await db.SaveChangesAsync();
        return 0;
    });

    private static Task<Guid> Party(Parley.Data.ParleyDbContext db, string code) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Parties.Where(p => p.Code == code).Select(p => p.Id));
}
