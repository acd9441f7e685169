using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Parley.Data;

namespace Parley.Audit;

/// The head of the chain, read under a lock so that two writers never both extend the same head.
/// On SQLite every audited save reads it, so it is one plain command on the save's own connection and
/// transaction: an index seek, no LINQ translation, no materialisation. (PostgreSQL chains at the commit: <see cref="PostgresChainAppend"/>.)
public static class AuditChain
{
    private const string HeadQuery = """SELECT "Sequence", "Hash", "At" FROM "AuditEntries" ORDER BY "Sequence" DESC LIMIT 1""";

    /// Reads the head and its instant inside the context's current transaction, which on SQLite (BEGIN
    /// IMMEDIATE, the one writer) is the lock.
    public static async Task<(long Sequence, string Hash, DateTime At)> LockedHeadOnSqliteAsync(ParleyDbContext db, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = HeadQuery;
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1), Utc(reader.GetDateTime(2))) : (0, AuditHash.Genesis, DateTime.MinValue);
    }

    private static DateTime Utc(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc);

    /// The head as it stands, without the lock: for the checkpoint a reader publishes.
    public static async Task<(long Sequence, string Hash)> HeadAsync(ParleyDbContext db, CancellationToken ct)
    {
        var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        return head is null ? (0, AuditHash.Genesis) : (head.Sequence, head.Hash);
    }

    /// The first sequence number written at or after <paramref name="at"/>, or <paramref name="end"/> (one past
    /// the head): a binary search on the key, as the instants never go back along the chain and are not indexed.
    private static async Task<long> FirstAtOrAfterAsync(ParleyDbContext db, DateTime at, long end, CancellationToken ct)
    {
        var (low, high) = (1L, end);
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            var found = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence >= middle).OrderBy(e => e.Sequence)
                .Select(e => new { e.Sequence, e.At }).FirstOrDefaultAsync(ct);
            if (found is null || found.At >= at) high = middle;
            else low = found.Sequence + 1;
        }
        return low;
    }

    /// Narrows a query for entries written in [from, to) to the sequence range they lie in, so that it reads only that part of the chain.
    public static async Task<IQueryable<AuditEntry>> WrittenBetweenAsync(ParleyDbContext db, IQueryable<AuditEntry> query, DateTime? from, DateTime? to, CancellationToken ct)
    {
        if (from is null && to is null) return query;
        var pastHead = (await HeadAsync(db, ct)).Sequence + 1;
        if (from is { } f)
        {
            var first = await FirstAtOrAfterAsync(db, f, pastHead, ct);
            query = query.Where(e => e.Sequence >= first && e.At >= f);
        }
        if (to is { } t)
        {
            var end = await FirstAtOrAfterAsync(db, t, pastHead, ct);
            query = query.Where(e => e.Sequence < end && e.At < t);
        }
        return query;
    }

    public static AuditEntry Sealed(AuditEntry e) => Placed(e, e.Sequence, e.At, e.PreviousHash);

    /// <paramref name="e"/> at its place in the chain, with its hash.
    public static AuditEntry Placed(AuditEntry e, long sequence, DateTime at, string previousHash) => new()
    {
        Sequence = sequence, At = at, ActorType = e.ActorType, ActorId = e.ActorId, AgencyId = e.AgencyId, PartyId = e.PartyId,
        Action = e.Action, SubjectType = e.SubjectType, SubjectId = e.SubjectId, PayloadDigest = e.PayloadDigest, Changes = e.Changes,
        PreviousHash = previousHash,
        Hash = AuditHash.Of(previousHash, sequence, at, e.ActorType, e.ActorId, e.AgencyId, e.PartyId, e.Action, e.SubjectType, e.SubjectId,
            e.PayloadDigest, e.Changes),
    };
}
