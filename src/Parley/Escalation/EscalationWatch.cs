using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Identity;

namespace Parley.Escalation;

/// One pass of the escalation ladder: every open escalation whose acknowledgement deadline has passed
/// climbs one rung per deadline passed, each at the instant that deadline fell (so a pass after downtime
/// catches up rung by rung), until the top, where it stays open and is marked exhausted. Only escalations
/// due for a look are read (index on WatchAt).
public sealed class EscalationWatch(ParleyDbContext db, TimeProvider time, StorageOptions storage) : IWatchPass
{
    public const int BatchSize = 200;
    /// Not the deadline watch's lock: the two passes may run at once, but each one only in one process.
    private const long PostgresLockKey = 0x5041_524C_4559_0002;

    public async Task<WatchPassResult> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var recorded = await WatchBatches.RunAsync(db, storage, PostgresLockKey, c => RunBatchAsync(now, c), ct);
        var next = await db.Escalations.Where(e => e.WatchAt != null).MinAsync(e => e.WatchAt, ct);
        return new WatchPassResult(recorded, next);
    }

    private async Task<(bool Done, int Recorded)> RunBatchAsync(DateTime now, CancellationToken ct)
    {
        var batch = await db.Escalations.Where(e => e.WatchAt <= now)
            .OrderBy(e => e.WatchAt).ThenBy(e => e.Id).Take(BatchSize).ToListAsync(ct);
        if (batch.Count == 0) return (true, 0);

        var ladders = await EscalationLadder.ForAsync(db, batch.Select(e => e.MechanismId).Distinct().ToList(), ct);
        var requestIds = batch.Select(e => e.RequestId).Distinct().ToList();
        var requests = await db.Requests.Include(r => r.Events).Where(r => requestIds.Contains(r.Id)).AsSplitQuery().ToDictionaryAsync(r => r.Id, ct);

        var recorded = 0;
        foreach (var escalation in batch)
        {
            var ladder = ladders.GetValueOrDefault(escalation.MechanismId) ?? [];
            while (escalation.ClimbIfDue(EscalationLadder.Next(ladder, escalation.Level), now) is { } step)
            {
                db.EscalationSteps.Add(step);
                await EscalationEffects.RecordAsync(db, requests[escalation.RequestId], escalation, step, ladder, Actor.System, now, ct);
                recorded++;
            }
        }
        return (batch.Count < BatchSize, recorded);
    }
}
