using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Directory;
using Parley.Identity;

namespace Parley.Hotline;

/// What the checks found: counts per check, each contact's answer, and each contact's record over a period.
public static class CommunicationCheckResults
{
    public static async Task<List<CheckSummary>> SummariesAsync(ParleyDbContext db, Mechanism m, DateTime? from, DateTime? to, CancellationToken ct)
    {
        var q = db.CommunicationChecks.AsNoTracking().Include(c => c.Pings).Where(c => c.MechanismId == m.Id);
        if (from is { } f) q = q.Where(c => c.StartedAt >= f);
        if (to is { } t) q = q.Where(c => c.StartedAt < t);
        var checks = await q.OrderByDescending(c => c.StartedAt).AsSplitQuery().ToListAsync(ct);
        return checks.Select(c => Summary(c, m.Code)).ToList();
    }

    public static CheckSummary Summary(CommunicationCheck c, string mechanism) =>
        new(c.Id, mechanism, c.StartedAt, c.AnswerWithin, c.DueAt, c.StartedByUserId is null, Count(c.Pings));

    public static CheckCounts Count(IReadOnlyCollection<CommunicationCheckPing> pings) => new(pings.Count,
        pings.Count(p => p.Result == PingResult.OnTime), pings.Count(p => p.Result == PingResult.Late),
        pings.Count(p => p.Result == PingResult.Never), pings.Count(p => p.Result == PingResult.Pending));

    public static async Task<Results<Ok<CheckDetail>, NotFound>> GetAsync(Guid id, ClaimsPrincipal principal, ParleyDbContext db, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var mine = MechanismMembership.MechanismIdsOf(db, actor.PartyId);
        if (!await db.CommunicationChecks.AnyAsync(c => c.Id == id && mine.Contains(c.MechanismId), ct)) return TypedResults.NotFound();
        return TypedResults.Ok(await DetailAsync(db, id, ct));
    }

    public static async Task<CheckDetail> DetailAsync(ParleyDbContext db, Guid id, CancellationToken ct)
    {
        var check = await db.CommunicationChecks.AsNoTracking().Include(c => c.Pings).SingleAsync(c => c.Id == id, ct);
        var code = await db.Mechanisms.Where(m => m.Id == check.MechanismId).Select(m => m.Code).SingleAsync(ct);
        var names = await ContactNamesAsync(db, check.Pings.Select(p => p.ContactId).ToList(), ct);
        var pings = check.Pings.Select(p =>
        {
            var n = names[p.ContactId];
            return new PingDto(p.ContactId, n.Name, n.Agency, n.Party, n.Email, p.SentAt, p.AnsweredAt, p.AnsweredAt - p.SentAt, p.Result);
        }).OrderBy(p => p.Party).ThenBy(p => p.Agency).ThenBy(p => p.Contact).ToList();
        return new CheckDetail(Summary(check, code), pings);
    }

    /// Every contact pinged in the period (by check start), with its answer rate and median response time.
    public static async Task<Results<Ok<List<ContactRecord>>, NotFound>> ContactsAsync(
        string mechanism, DateTimeOffset? from, DateTimeOffset? to, ClaimsPrincipal principal, ParleyDbContext db, CancellationToken ct)
    {
        var m = await HotlineAccess.FindMechanismAsync(db, mechanism, Actor.From(principal), ct);
        if (m is null) return TypedResults.NotFound();
        var q = db.CommunicationChecks.AsNoTracking().Where(c => c.MechanismId == m.Id);
        if (from is { } f) { var fu = f.UtcDateTime; q = q.Where(c => c.StartedAt >= fu); }
        if (to is { } t) { var tu = t.UtcDateTime; q = q.Where(c => c.StartedAt < tu); }
        var pings = await q.SelectMany(c => c.Pings).ToListAsync(ct);
        var names = await ContactNamesAsync(db, pings.Select(p => p.ContactId).Distinct().ToList(), ct);
        return TypedResults.Ok(pings.GroupBy(p => p.ContactId).Select(g => Record(g.Key, names[g.Key], g.ToList()))
            .OrderBy(r => r.Party).ThenBy(r => r.Agency).ThenBy(r => r.Contact).ToList());
    }

    public static ContactRecord Record(Guid contactId, (string Name, string Agency, string Party, string? Email) n, IReadOnlyCollection<CommunicationCheckPing> pings)
    {
        var c = Count(pings);
        var decided = c.OnTime + c.Late + c.Never;
        var times = pings.Where(p => p.AnsweredAt != null).Select(p => p.AnsweredAt!.Value - p.SentAt).Order().ToList();
        return new ContactRecord(contactId, n.Name, n.Agency, n.Party, c.Pings, c.OnTime, c.Late, c.Never, c.Pending,
            decided == 0 ? null : (double)(c.OnTime + c.Late) / decided, decided == 0 ? null : (double)c.OnTime / decided, Median(times));
    }

    /// The middle value, or the mean of the two middle values.
    public static TimeSpan? Median(IReadOnlyList<TimeSpan> sorted) => sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
        : TimeSpan.FromTicks((sorted[sorted.Count / 2 - 1].Ticks + sorted[sorted.Count / 2].Ticks) / 2);

    private static async Task<Dictionary<Guid, (string Name, string Agency, string Party, string? Email)>> ContactNamesAsync(
        ParleyDbContext db, List<Guid> ids, CancellationToken ct) =>
        (await db.PointsOfContact.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Join(db.Agencies, c => c.AgencyId, a => a.Id, (c, a) => new { c.Id, c.Name, c.Email, Agency = a.Code, a.PartyId })
            .Join(db.Parties, x => x.PartyId, p => p.Id, (x, p) => new { x.Id, x.Name, x.Email, x.Agency, Party = p.Code })
            .ToListAsync(ct)).ToDictionary(x => x.Id, x => (x.Name, x.Agency, x.Party, x.Email));
}
