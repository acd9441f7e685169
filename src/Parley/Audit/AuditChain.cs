using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Parley.Data;

namespace Parley.Audit;

/// The head of the chain, read under a lock so that two writers never both extend the same head.
/// Every audited save reads it, so it is one plain command on the save's own connection and
/// transaction: an index seek, no LINQ translation, no materialisation.
public static class AuditChain
{
    // On PostgreSQL a transaction-scoped advisory lock; SQLite's write transaction (BEGIN IMMEDIATE) already serialises writers.
    private const long LockKey = 0x4155_4449_5400; // "AUDIT"

    private const string HeadQuery = """SELECT "Sequence", "Hash" FROM "AuditEntries" ORDER BY "Sequence" DESC LIMIT 1""";

    // Two statements in one round trip; the head is read by the second, whose snapshot is taken after the lock is held.
    private static readonly string LockedHeadQueryPostgres = $"SELECT pg_advisory_xact_lock({LockKey}); {HeadQuery}";

    /// Takes the chain lock inside the context's current transaction and reads the head.
    public static async Task<(long Sequence, string Hash)> LockedHeadAsync(ParleyDbContext db, CancellationToken ct)
    {
        await using var command = Command(db);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (db.Database.IsNpgsql()) await reader.NextResultAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1)) : (0, AuditHash.Genesis);
    }

    public static (long Sequence, string Hash) LockedHead(ParleyDbContext db)
    {
        using var command = Command(db);
        using var reader = command.ExecuteReader();
        if (db.Database.IsNpgsql()) reader.NextResult();
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : (0, AuditHash.Genesis);
    }

    /// The head as it stands, without the lock: for the checkpoint a reader publishes.
    public static async Task<(long Sequence, string Hash)> HeadAsync(ParleyDbContext db, CancellationToken ct)
    {
        var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        return head is null ? (0, AuditHash.Genesis) : (head.Sequence, head.Hash);
    }

    public static AuditEntry Sealed(AuditEntry e) => new()
    {
        Sequence = e.Sequence, At = e.At, ActorType = e.ActorType, ActorId = e.ActorId, AgencyId = e.AgencyId, PartyId = e.PartyId,
        Action = e.Action, SubjectType = e.SubjectType, SubjectId = e.SubjectId, PayloadDigest = e.PayloadDigest,
        PreviousHash = e.PreviousHash, Hash = AuditHash.Of(e),
    };

    private static DbCommand Command(ParleyDbContext db)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = db.Database.IsNpgsql() ? LockedHeadQueryPostgres : HeadQuery;
        return command;
    }
}
