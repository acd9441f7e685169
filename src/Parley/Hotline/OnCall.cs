using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Directory;
using Parley.Identity;

namespace Parley.Hotline;

/// Who holds each party's hotline at an instant: the users whose shift covers it (latest-started first),
/// or, when nobody is rostered, the party's points of contact that are always on.
public static class OnCall
{
    public sealed record Holder(OnCallShift Shift, User User);

    public sealed record Answer(Guid PartyId, IReadOnlyList<Holder> Holders, IReadOnlyList<(PointOfContact Contact, Agency Agency)> Fallback);

    public static async Task<List<Answer>> AtAsync(ParleyDbContext db, IReadOnlyCollection<Guid> partyIds, DateTime at, CancellationToken ct)
    {
        var shifts = await db.OnCallShifts.AsNoTracking()
            .Where(s => partyIds.Contains(s.PartyId) && s.StartsAt <= at && at < s.EndsAt)
            .Join(db.Users.AsNoTracking(), s => s.UserId, u => u.Id, (s, u) => new { s, u })
            .ToListAsync(ct);
        var contacts = await db.PointsOfContact.AsNoTracking()
            .Where(c => c.Availability == ContactAvailability.AlwaysOn)
            .Join(db.Agencies.AsNoTracking(), c => c.AgencyId, a => a.Id, (c, a) => new { c, a })
            .Where(x => partyIds.Contains(x.a.PartyId))
            .ToListAsync(ct);
        return partyIds.Select(p =>
        {
            var holders = shifts.Where(x => x.s.PartyId == p).OrderByDescending(x => x.s.StartsAt).ThenBy(x => x.u.UserName)
                .Select(x => new Holder(x.s, x.u)).ToList();
            var fallback = holders.Count > 0 ? [] : contacts.Where(x => x.a.PartyId == p).OrderBy(x => x.a.Code).ThenBy(x => x.c.Name)
                .Select(x => (x.c, x.a)).ToList();
            return new Answer(p, holders, fallback);
        }).ToList();
    }
}
