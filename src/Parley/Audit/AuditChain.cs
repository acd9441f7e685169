using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Parley.Data;

namespace Parley.Audit;

/// Reading the chain: its head, and the part of it written in a time range. Writers extend it in the
/// statement that inserts (<see cref="PostgresChainAppend"/>, <see cref="SqliteChainAppend"/>).
public static class AuditChain
{
    /// PostgreSQL's transaction-scoped advisory lock on the chain.
    internal const long LockKey = 0x4155_4449_5400; // "AUDIT"

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
