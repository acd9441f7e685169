using Parley.Data;

namespace Parley.Directory;

/// Which mechanisms, and which partner parties, a party may see — as subqueries, so that lookups filter by
/// them in their WHERE clause: an object of a mechanism the caller is not part of then costs the same
/// statements as an id that names nothing (no timing oracle for a third party).
public static class MechanismMembership
{
    /// Ids of the mechanisms the party belongs to.
    public static IQueryable<Guid> MechanismIdsOf(ParleyDbContext db, Guid partyId) =>
        db.MechanismParties.Where(mp => mp.PartyId == partyId).Select(mp => mp.MechanismId);

    /// The mechanisms the party belongs to.
    public static IQueryable<Mechanism> WithMember(this IQueryable<Mechanism> mechanisms, Guid partyId) =>
        mechanisms.Where(m => m.Parties.Any(p => p.PartyId == partyId));

    /// Ids of the parties that share a mechanism with the party (the party itself included when it is in one).
    public static IQueryable<Guid> PartnerIdsOf(ParleyDbContext db, Guid partyId)
    {
        var mine = MechanismIdsOf(db, partyId);
        return db.MechanismParties.Where(mp => mine.Contains(mp.MechanismId)).Select(mp => mp.PartyId);
    }
}
