using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Identity;
using Parley.Notifications;
using Parley.Requests;

namespace Parley.Escalation;

/// One pass of the deadline watcher: records the at-risk and missed alerts of every deadline whose
/// watch instant has come, oldest first, and says when to look next. Only deadlines due for a look
/// are read (index on WatchAt), so an idle pass is one indexed query. Each alert is announced to the
/// responding agency, and a missed deadline starts an escalation, in the same transaction as the alert.
public sealed class DeadlineWatch(ParleyDbContext db, TimeProvider time, StorageOptions storage) : IWatchPass
{
    public const int BatchSize = 500;
    /// Any constant will do; it names the lock that lets one watcher work at a time on PostgreSQL.
    private const long PostgresLockKey = 0x5041_524C_4559_0001;

    public async Task<WatchPassResult> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var recorded = await WatchBatches.RunAsync(db, storage, PostgresLockKey, c => RunBatchAsync(now, c), ct);
        var next = await db.RequestDeadlines.Where(d => d.WatchAt != null).MinAsync(d => d.WatchAt, ct);
        return new WatchPassResult(recorded, next);
    }

    private async Task<(bool Done, int Recorded)> RunBatchAsync(DateTime now, CancellationToken ct)
    {
        var batch = await db.RequestDeadlines.Where(d => d.WatchAt <= now)
            .OrderBy(d => d.WatchAt).ThenBy(d => d.RequestId).ThenBy(d => d.Kind)
            .Take(BatchSize).ToListAsync(ct);
        if (batch.Count == 0) return (true, 0);

        var requestIds = batch.Select(d => d.RequestId).Distinct().ToList();
        var existing = (await db.DeadlineAlerts.Where(a => requestIds.Contains(a.RequestId))
                .Select(a => new { a.RequestId, a.Deadline, a.Level, a.DueAt }).ToListAsync(ct))
            .Select(a => (a.RequestId, a.Deadline, a.Level, a.DueAt)).ToHashSet();

        var alerts = new List<DeadlineAlert>();
        foreach (var deadline in batch)
        {
            if (deadline.DueAt is { } due)
            {
                if (deadline.AtRiskAt is { } atRisk && atRisk <= now) Record(deadline, AlertLevel.AtRisk, due, atRisk);
                if (due <= now) Record(deadline, AlertLevel.Missed, due, due);
            }
            deadline.WatchAt = deadline.DueAt > now ? deadline.DueAt : null;
        }
        if (alerts.Count > 0) await AnnounceAsync(alerts, now, ct);
        return (batch.Count < BatchSize, alerts.Count);

        void Record(RequestDeadline deadline, AlertLevel level, DateTime due, DateTime fellAt)
        {
            if (!existing.Add((deadline.RequestId, deadline.Kind, level, due))) return;
            var alert = new DeadlineAlert
            {
                Id = Guid.CreateVersion7(now), RequestId = deadline.RequestId, Deadline = deadline.Kind, Level = level,
                DueAt = due, FellAt = fellAt, RecordedAt = now,
            };
            db.DeadlineAlerts.Add(alert);
            alerts.Add(alert);
        }
    }

    /// Tells the responding agency, and starts an escalation for each missed deadline, from the instant it
    /// was missed, unless the request already has an open one (one climbing escalation per request is enough).
    /// A mechanism without a ladder escalates nothing.
    private async Task AnnounceAsync(List<DeadlineAlert> alerts, DateTime now, CancellationToken ct)
    {
        var requestIds = alerts.Select(a => a.RequestId).Distinct().ToList();
        var requests = await db.Requests.Where(r => requestIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var missedIds = alerts.Where(a => a.Level == AlertLevel.Missed).Select(a => a.RequestId).Distinct().ToList();
        var ladders = await EscalationLadder.ForAsync(db, requests.Values.Select(r => r.MechanismId).Distinct().ToList(), ct);
        var open = (await db.Escalations.Where(e => missedIds.Contains(e.RequestId) && e.Status == EscalationStatus.Open)
            .Select(e => e.RequestId).ToListAsync(ct)).ToHashSet();
        // The timeline append needs the events (next sequence number); fix-up attaches them to the tracked requests.
        await db.RequestEvents.Where(e => missedIds.Contains(e.RequestId)).LoadAsync(ct);

        foreach (var alert in alerts.OrderBy(a => a.FellAt).ThenBy(a => a.RequestId))
        {
            var request = requests[alert.RequestId];
            await NotifyAsync(request, alert, now, ct);
            if (alert.Level != AlertLevel.Missed || !ladders.TryGetValue(request.MechanismId, out var ladder) || !open.Add(request.Id)) continue;

            var escalation = Escalation.Raise(request, ladder[0], EscalationCause.MissedDeadline, MissedReason(alert.Deadline, alert.DueAt), Side.Requesting, null, request.FromAgencyId, alert.FellAt, alert);
            db.Escalations.Add(escalation);
            await EscalationEffects.RecordAsync(db, request, escalation, escalation.Steps[0], ladder, Actor.System, now, ct);
        }
    }

    private async Task NotifyAsync(Request request, DeadlineAlert alert, DateTime now, CancellationToken ct)
    {
        var (type, what) = alert.Level == AlertLevel.AtRisk ? ("deadline.at-risk", "is at risk") : ("deadline.missed", "was missed");
        var reference = request.Reference ?? request.Id.ToString();
        var text = $"The {Describe(alert.Deadline)} deadline of request {reference} ({request.Subject}) {what}: due {alert.DueAt:u}.";
        var data = new { requestId = request.Id, reference, deadline = Describe(alert.Deadline), level = type[9..], dueAt = alert.DueAt, fellAt = alert.FellAt };
        // Keyed by the cause, like the alert's unique index: the same deadline, level and due instant never notify twice.
        var key = $"{type}:{request.Id}:{alert.Deadline}:{alert.DueAt:yyyyMMddTHHmmssZ}";
        var agencies = await EscalationEffects.RespondingAgenciesAsync(db, request, ct);
        await NotificationOutbox.EnqueueAsync(db, new NotificationEvent(type, key, $"[{reference}] {Describe(alert.Deadline)} deadline {what}", text,
            agencies, Roles.Officer | Roles.Supervisor, data), now, ct);
    }

    public static string MissedReason(DeadlineKind kind, DateTime due) => $"The {Describe(kind)} deadline of {due:u} was missed.";

    private static string Describe(DeadlineKind kind) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());
}
