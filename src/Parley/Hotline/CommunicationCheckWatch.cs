using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Data;
using Parley.Escalation;
using Parley.Audit;

namespace Parley.Hotline;

/// The watcher's pass for communication checks: starts each scheduled check when its slot comes, and at a
/// check's DueAt marks the pings nobody answered as Never.
///
/// A schedule runs once per slot. After downtime that swallowed one or more slots it runs one check, at once,
/// for the latest missed slot (a burst of checks nobody asked for would only train people to ignore them), and
/// the next slot keeps the schedule's phase: NextRunAt + k·Every, the first such instant after now.
public sealed class CommunicationCheckWatch(ParleyDbContext db, TimeProvider time, StorageOptions storage, IOptions<HotlineOptions> options) : IWatchPass
{
    public const int BatchSize = 100;
    /// Names the advisory lock that lets one watcher at a time start checks on PostgreSQL.
    private const long PostgresLockKey = 0x5041_524C_4559_0003;

    public async Task<WatchPassResult> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var recorded = await WatchBatches.RunAsync(db, storage, PostgresLockKey, c => RunBatchAsync(now, c), ct);
        var nextRun = await db.CommunicationCheckSchedules.MinAsync(s => (DateTime?)s.NextRunAt, ct);
        var nextDue = await db.CommunicationChecks.Where(c => c.WatchAt != null).MinAsync(c => c.WatchAt, ct);
        return new WatchPassResult(recorded, nextRun is null ? nextDue : nextDue is null || nextRun < nextDue ? nextRun : nextDue);
    }

    private async Task<(bool Done, int Recorded)> RunBatchAsync(DateTime now, CancellationToken ct)
    {
        var schedules = await db.CommunicationCheckSchedules.AsNoTracking().Where(s => s.NextRunAt <= now)
            .OrderBy(s => s.NextRunAt).Take(BatchSize).ToListAsync(ct);
        var recorded = 0;
        foreach (var schedule in schedules)
        {
            var next = NextSlot(schedule.NextRunAt, schedule.Every, now);
            // Compare-and-set on the slot: whoever moves NextRunAt on from this slot is the one who starts its check.
            var claimed = await db.CommunicationCheckSchedules
                .Where(s => s.MechanismId == schedule.MechanismId && s.NextRunAt == schedule.NextRunAt)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextRunAt, next), ct);
            if (claimed == 0) continue;
            db.Audit.Record("CommunicationCheckSchedule.advanced", "CommunicationCheckSchedule", schedule.MechanismId.ToString(),
                new Dictionary<string, string?> { ["nextRunAt"] = AuditHash.Instant(next) });
            await CommunicationChecks.StartAsync(db, schedule.MechanismId, schedule.AnswerWithin, null, now, options.Value, ct);
            recorded++;
        }

        var due = await db.CommunicationChecks.Where(c => c.WatchAt <= now).OrderBy(c => c.WatchAt).Take(BatchSize).ToListAsync(ct);
        foreach (var check in due)
        {
            var unanswered = await db.CommunicationCheckPings.Where(p => p.CheckId == check.Id && p.AnsweredAt == null && p.Result == PingResult.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Result, PingResult.Never), ct);
            if (unanswered > 0)
                db.Audit.Record("CommunicationCheckPing.never", "CommunicationCheck", check.Id.ToString(),
                    new Dictionary<string, string?> { ["pings"] = unanswered.ToString() });
            recorded += unanswered;
            check.WatchAt = null;
        }
        return (schedules.Count < BatchSize && due.Count < BatchSize, recorded);
    }

    /// The first slot of the schedule's phase strictly after now.
    public static DateTime NextSlot(DateTime slot, TimeSpan every, DateTime now) =>
        slot > now ? slot : slot + TimeSpan.FromTicks(every.Ticks * ((now - slot).Ticks / every.Ticks + 1));
}
