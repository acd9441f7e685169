using Microsoft.EntityFrameworkCore;
using Parley.Audit;
using Parley.Data;

namespace Parley.Escalation;

/// The loop every watch pass shares: batches, each in its own transaction and serialised across server
/// processes (SQLite: BEGIN IMMEDIATE; PostgreSQL: a transaction-scoped advisory lock named by the pass),
/// until a batch says it was the last. The unique keys on each pass's effects are the final guard.
public static class WatchBatches
{
    /// Waiting for the other process's batch is the point of the lock, and a batch that queues
    /// notifications can outlast the default command timeout.
    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(10);

    public static async Task<int> RunAsync(
        ParleyDbContext db, StorageOptions storage, long postgresLockKey, Func<CancellationToken, Task<(bool Done, int Recorded)>> batch, CancellationToken ct)
    {
        var recorded = 0;
        while (true)
        {
            bool done;
            int count;
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                if (storage.Provider == StorageProvider.Postgres) await LockAsync(db, postgresLockKey, ct);
                (done, count) = await batch(ct);
                await db.SaveAndCommitAsync(tx, ct);
            }
            db.ChangeTracker.Clear();
            recorded += count;
            if (done) return recorded;
        }
    }

    private static async Task LockAsync(ParleyDbContext db, long key, CancellationToken ct)
    {
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(LockWait);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
    }
}
