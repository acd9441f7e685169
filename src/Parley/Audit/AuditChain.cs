using Microsoft.EntityFrameworkCore;
using Parley.Data;

namespace Parley.Audit;

/// The head of the chain, read under a lock so that two writers never both extend the same head.
public static class AuditChain
{
    // On PostgreSQL a transaction-scoped advisory lock; SQLite's write transaction (BEGIN IMMEDIATE) already serialises writers.
    private const long LockKey = 0x4155_4449_5400; // "AUDIT"

    public static async Task LockAsync(ParleyDbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);
    }

    public static void Lock(ParleyDbContext db)
    {
        if (db.Database.IsNpgsql()) db.Database.ExecuteSqlRaw($"SELECT pg_advisory_xact_lock({LockKey})");
    }

    public static async Task<(long Sequence, string Hash)> HeadAsync(ParleyDbContext db, CancellationToken ct)
    {
        var head = await HeadQuery(db).FirstOrDefaultAsync(ct);
        return head is null ? (0, AuditHash.Genesis) : (head.Sequence, head.Hash);
    }

    public static (long Sequence, string Hash) Head(ParleyDbContext db)
    {
        var head = HeadQuery(db).FirstOrDefault();
        return head is null ? (0, AuditHash.Genesis) : (head.Sequence, head.Hash);
    }

    public static AuditEntry Sealed(AuditEntry e) => new()
    {
        Sequence = e.Sequence, At = e.At, ActorType = e.ActorType, ActorId = e.ActorId, AgencyId = e.AgencyId, PartyId = e.PartyId,
        Action = e.Action, SubjectType = e.SubjectType, SubjectId = e.SubjectId, PayloadDigest = e.PayloadDigest,
        PreviousHash = e.PreviousHash, Hash = AuditHash.Of(e),
    };

    private sealed record HeadRow(long Sequence, string Hash);

    private static IQueryable<HeadRow> HeadQuery(ParleyDbContext db) =>
        db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new HeadRow(e.Sequence, e.Hash));
}
