using Microsoft.EntityFrameworkCore.Storage;
using Parley.Data;

namespace Parley.Audit;

public static class FinalSave
{
    /// Saves and commits <paramref name="transaction"/> with nothing in between. On PostgreSQL the transaction's
    /// audit entries then travel at the end of the save's batch (<see cref="PostgresChainBatch"/>) instead of in a
    /// round trip of their own before the commit: where the transaction holds a row lock others wait for (a
    /// submit's reference counter), that lock is held one round trip less.
    public static async Task SaveAndCommitAsync(this ParleyDbContext db, IDbContextTransaction transaction, CancellationToken ct)
    {
        db.Audit.CommitFollows = true;
        try { await db.SaveChangesAsync(ct); }
        finally { db.Audit.CommitFollows = false; }
        await transaction.CommitAsync(ct);
    }
}
