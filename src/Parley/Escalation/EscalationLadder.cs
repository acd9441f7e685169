using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Identity;

namespace Parley.Escalation;

/// Reading a mechanism's ladder: which rung comes next, who is told, who may acknowledge.
public static class EscalationLadder
{
    /// Roles that may sit on a rung: the ones that handle requests and the hotline.
    public const Roles Handlers = Roles.Officer | Roles.Supervisor | Roles.HotlineOfficer;

    public static async Task<List<EscalationLevel>> ForAsync(ParleyDbContext db, Guid mechanismId, CancellationToken ct) =>
        await db.EscalationLevels.AsNoTracking().Where(l => l.MechanismId == mechanismId).OrderBy(l => l.Level).ToListAsync(ct);

    public static async Task<Dictionary<Guid, List<EscalationLevel>>> ForAsync(ParleyDbContext db, IReadOnlyCollection<Guid> mechanismIds, CancellationToken ct) =>
        (await db.EscalationLevels.AsNoTracking().Where(l => mechanismIds.Contains(l.MechanismId)).ToListAsync(ct))
            .GroupBy(l => l.MechanismId).ToDictionary(g => g.Key, g => g.OrderBy(l => l.Level).ToList());

    public static EscalationLevel? At(IReadOnlyList<EscalationLevel> ladder, int level) => ladder.FirstOrDefault(l => l.Level == level);

    public static EscalationLevel? Next(IReadOnlyList<EscalationLevel> ladder, int level) => At(ladder, level + 1);

    public static string NameOf(IReadOnlyList<EscalationLevel> ladder, int level) => At(ladder, level)?.Name ?? $"Level {level}";

    /// Everyone told so far: the roles of every rung up to and including this one.
    public static Roles NotifiedUpTo(IReadOnlyList<EscalationLevel> ladder, int level) =>
        ladder.Where(l => l.Level <= level).Aggregate(Roles.None, (r, l) => r | l.Notify);

    /// The current rung's roles or any higher rung's: a supervisor may acknowledge what reached the desk,
    /// a desk officer may not acknowledge what reached the hotline co-chairs.
    public static Roles MayAcknowledge(IReadOnlyList<EscalationLevel> ladder, int level)
    {
        var roles = ladder.Where(l => l.Level >= level).Aggregate(Roles.None, (r, l) => r | l.Notify) & Handlers;
        return roles == Roles.None ? Handlers : roles;
    }
}
