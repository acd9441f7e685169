using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Directory;
using Parley.Identity;

namespace Parley.Hotline;

/// Who may see and do what on the hotline. A party sees what belongs to the mechanisms it is part of;
/// anything else answers 404, exactly like an id that does not exist.
public static class HotlineAccess
{
    /// Open, acknowledge, annotate and close hotline sessions.
    public const Roles SessionRoles = Roles.HotlineOfficer | Roles.Supervisor;
    /// Manage the own party's roster, start communication checks, set their schedule.
    public const Roles ManageRoles = Roles.HotlineOfficer | Roles.Supervisor | Roles.Administrator;

    /// A mechanism by id or code, when the caller's party belongs to it (one statement either way).
    public static async Task<Mechanism?> FindMechanismAsync(ParleyDbContext db, string? idOrCode, Actor actor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(idOrCode)) return null;
        var query = db.Mechanisms.AsNoTracking().WithMember(actor.PartyId).Include(m => m.Parties);
        return Guid.TryParse(idOrCode, out var id)
            ? await query.SingleOrDefaultAsync(m => m.Id == id, ct)
            : await query.SingleOrDefaultAsync(m => m.Code == idOrCode.Trim().ToUpper(), ct);
    }

    /// Ids of the mechanisms the caller's party belongs to.
    public static Task<List<Guid>> MechanismIdsAsync(ParleyDbContext db, Actor actor, CancellationToken ct) =>
        db.MechanismParties.Where(mp => mp.PartyId == actor.PartyId).Select(mp => mp.MechanismId).ToListAsync(ct);

    /// The caller's party and every party it shares a mechanism with.
    public static async Task<List<Guid>> PartnerPartyIdsAsync(ParleyDbContext db, Actor actor, CancellationToken ct)
    {
        var mechanisms = await MechanismIdsAsync(db, actor, ct);
        var partners = await db.MechanismParties.Where(mp => mechanisms.Contains(mp.MechanismId)).Select(mp => mp.PartyId).Distinct().ToListAsync(ct);
        return partners.Append(actor.PartyId).Distinct().ToList();
    }

    /// A party by ISO code, when the caller may read its roster and contacts: its own, or a partner's (one statement either way).
    public static Task<Party?> FindPartyAsync(ParleyDbContext db, string code, Actor actor, CancellationToken ct)
    {
        var upper = code.Trim().ToUpperInvariant();
        var own = actor.PartyId;
        var partners = MechanismMembership.PartnerIdsOf(db, own);
        return db.Parties.AsNoTracking().SingleOrDefaultAsync(p => p.Code == upper && (p.Id == own || partners.Contains(p.Id)), ct);
    }
}
