using Microsoft.EntityFrameworkCore.Storage;
using Parley.Data;

namespace Parley.Audit;

public static class FinalSave
{
    /// Saves and commits <paramref name="transaction"/> with nothing in between. On PostgreSQL the transaction's
    /// audit entries then travel at the end of the save's batch (<see cref="PostgresChainBatch"/>) instead of in a
    /// round trip of their own before the commit: where the transaction holds a row lock others wait for (a
    /// submit's reference counter), that lock is held one round trip less. EF's savepoint around the save is left
    /// out (two round trips more under that lock): a failed save is never followed by the commit, so the whole
    /// transaction is rolled back and the savepoint would never be used.
    public static async Task SaveAndCommitAsync(this ParleyDbContext db, IDbContextTransaction transaction, CancellationToken ct)
    {
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Audit.CommitFollows = true;
        db.Database.AutoSavepointsEnabled = false;
        try { await db.SaveChangesAsync(ct); }
        finally
        {
            db.Audit.CommitFollows = false;
            db.Database.AutoSavepointsEnabled = savepoints;
        }
        await transaction.CommitAsync(ct);
    }
}
