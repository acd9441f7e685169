using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Requests;

namespace Parley.Escalation;

/// One pass of the deadline watcher: records the at-risk and missed alerts of every deadline whose
/// watch instant has come, oldest first, and says when to look next. Only deadlines due for a look
/// are read (index on WatchAt), so an idle pass is one indexed query.
public sealed class DeadlineWatch(ParleyDbContext db, TimeProvider time, StorageOptions storage) : IWatchPass
{
    public const int BatchSize = 500;
    /// Any constant will do; it names the lock that lets one watcher work at a time on PostgreSQL.
    private const long PostgresLockKey = 0x5041_524C_4559_0001;

    public async Task<WatchPassResult> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var recorded = 0;
        while (true)
        {
            var (done, count) = await RunBatchAsync(now, ct);
            recorded += count;
            if (done) break;
        }
        var next = await db.RequestDeadlines.Where(d => d.WatchAt != null).MinAsync(d => d.WatchAt, ct);
        return new WatchPassResult(recorded, next);
    }

    private async Task<(bool Done, int Recorded)> RunBatchAsync(DateTime now, CancellationToken ct)
    {
        // SQLite: BEGIN IMMEDIATE serialises writers. PostgreSQL: a transaction-scoped advisory lock does,
        // so two server processes never record the same alert (the unique index is the last guard).
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (storage.Provider == StorageProvider.Postgres)
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", ct);

        var batch = await db.RequestDeadlines.Where(d => d.WatchAt <= now)
            .OrderBy(d => d.WatchAt).ThenBy(d => d.RequestId).ThenBy(d => d.Kind)
            .Take(BatchSize).ToListAsync(ct);
        if (batch.Count == 0) return (true, 0);

        var requestIds = batch.Select(d => d.RequestId).Distinct().ToList();
        var existing = (await db.DeadlineAlerts.Where(a => requestIds.Contains(a.RequestId))
                .Select(a => new { a.RequestId, a.Deadline, a.Level, a.DueAt }).ToListAsync(ct))
            .Select(a => (a.RequestId, a.Deadline, a.Level, a.DueAt)).ToHashSet();

        var recorded = 0;
        foreach (var deadline in batch)
        {
            if (deadline.DueAt is { } due)
            {
                if (deadline.AtRiskAt is { } atRisk && atRisk <= now) recorded += Record(deadline, AlertLevel.AtRisk, due, atRisk);
                if (due <= now) recorded += Record(deadline, AlertLevel.Missed, due, due);
            }
            deadline.WatchAt = deadline.DueAt > now ? deadline.DueAt : null;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (batch.Count < BatchSize, recorded);

        int Record(RequestDeadline deadline, AlertLevel level, DateTime due, DateTime fellAt)
        {
            if (!existing.Add((deadline.RequestId, deadline.Kind, level, due))) return 0;
            db.DeadlineAlerts.Add(new DeadlineAlert
            {
                Id = Guid.CreateVersion7(now), RequestId = deadline.RequestId, Deadline = deadline.Kind, Level = level,
                DueAt = due, FellAt = fellAt, RecordedAt = now,
            });
            return 1;
        }
    }
}
