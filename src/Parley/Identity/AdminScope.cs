using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Directory;

namespace Parley.Identity;

/// What an administrator manages: the users, agencies, points of contact, tokens and sessions of their
/// own party, and the settings of the mechanisms their party belongs to. Anything else answers as if it
/// did not exist, so the scope is applied inside the query that looks the object up.
public static class AdminScope
{
    public static Task<List<Guid>> AgenciesAsync(ParleyDbContext db, Actor actor, CancellationToken ct) =>
        db.Agencies.Where(a => a.PartyId == actor.PartyId).Select(a => a.Id).ToListAsync(ct);

    public static IQueryable<User> Users(ParleyDbContext db, Actor actor) =>
        db.Users.Where(u => u.Agency!.PartyId == actor.PartyId);

    public static IQueryable<Mechanism> Mechanisms(ParleyDbContext db, Actor actor) => db.Mechanisms.WithMember(actor.PartyId);

    public static bool IsMember(Mechanism mechanism, Actor actor) => mechanism.Parties.Any(p => p.PartyId == actor.PartyId);
}
