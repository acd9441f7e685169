using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Directory;
using Parley.Requests;

namespace Parley.Oversight;

public sealed record RequestDirectionFigures(RequestCounts Counts, IReadOnlyList<TimingFigures> Timings,
    IReadOnlyList<TargetFigures> Targets, MissedFigures Missed, BacklogFigures Backlog);

/// Counts, times, targets and backlog of the requests of each direction: three grouped or projected
/// queries over requests and their stored deadlines, and one over clarification events.
public sealed class RequestFiguresQuery(ParleyDbContext db, ReportScope scope)
{
    public async Task<Dictionary<(Guid, Guid), RequestDirectionFigures>> RunAsync(CancellationToken ct)
    {
        var counts = await CountsAsync(ct);
        var rows = await RequestRowsQuery.RunAsync(db, scope, ct);
        var pauses = await PausesAsync(ct);
        var backlog = await BacklogAsync(ct);
        var timings = new RequestTimings(scope, pauses);

        var result = new Dictionary<(Guid, Guid), RequestDirectionFigures>();
        foreach (var key in scope.Directions)
        {
            var mine = rows.Where(r => (r.FromPartyId, r.ToPartyId) == key).ToList();
            var targets = Targets(mine);
            var missed = targets.ToDictionary(t => t.Deadline, t => t.Missed);
            var bands = OversightNames.AgeBands.ToDictionary(b => b.Key, _ => 0);
            foreach (var b in backlog.Where(b => (b.FromPartyId, b.ToPartyId) == key)) bands[OversightNames.AgeBands[b.Band].Key] += b.Count;
            result[key] = new RequestDirectionFigures(counts.GetValueOrDefault(key) ?? Empty, timings.Of(key, mine),
                targets, new MissedFigures(missed.Values.Sum(), missed), new BacklogFigures(bands.Values.Sum(), bands));
        }
        return result;
    }

    private static readonly RequestCounts Empty = new(0, OversightNames.Zeros<RequestKind>(), OversightNames.Zeros<Priority>());

    internal async Task<Dictionary<(Guid, Guid), RequestCounts>> CountsAsync(CancellationToken ct)
    {
        var groups = await InPeriod()
            .GroupBy(r => new { r.FromPartyId, r.ToPartyId, r.Kind, r.Priority })
            .Select(g => new { g.Key.FromPartyId, g.Key.ToPartyId, g.Key.Kind, g.Key.Priority, Count = g.Count() })
            .ToListAsync(ct);
        return groups.GroupBy(g => (g.FromPartyId, g.ToPartyId)).ToDictionary(d => d.Key, d =>
        {
            var kinds = OversightNames.Zeros<RequestKind>();
            var priorities = OversightNames.Zeros<Priority>();
            foreach (var g in d)
            {
                kinds[OversightNames.Of(g.Kind)] += g.Count;
                priorities[OversightNames.Of(g.Priority)] += g.Count;
            }
            return new RequestCounts(d.Sum(g => g.Count), kinds, priorities);
        });
    }

    private IQueryable<Request> InPeriod()
    {
        var (mechanism, from, to) = (scope.MechanismId, scope.From, scope.To);
        return db.Requests.AsNoTracking().Where(r => r.MechanismId == mechanism && r.SubmittedAt >= from && r.SubmittedAt < to);
    }

    public sealed record PauseEvent(Guid RequestId, int Sequence, RequestEventType Type, DateTime OccurredAt);

    internal async Task<ILookup<Guid, PauseEvent>> PausesAsync(CancellationToken ct)
    {
        var to = scope.To;
        var events = await (from r in InPeriod()
                            join e in db.RequestEvents on r.Id equals e.RequestId
                            where (e.Type == RequestEventType.ClarificationRequested || e.Type == RequestEventType.ClarificationProvided) && e.OccurredAt < to
                            select new PauseEvent(e.RequestId, e.Sequence, e.Type, e.OccurredAt)).ToListAsync(ct);
        return events.ToLookup(e => e.RequestId);
    }

    /// Decided by the end of the period: completed (met or missed) before it, or due before it and not completed
    /// by then. Deadlines of withdrawn requests (cancelled) are left out.
    private List<TargetFigures> Targets(List<RequestRow> rows) => Enum.GetValues<DeadlineKind>().Select(kind =>
    {
        int met = 0, missed = 0;
        foreach (var d in rows.Select(r => r[kind]))
        {
            if (d.State is null or DeadlineState.Cancelled) continue;
            if (d.CompletedAt is { } done && done < scope.To)
            {
                if (d.State == DeadlineState.Missed) missed++;
                else met++;
            }
            else if (d.DueAt is { } due && due < scope.To) missed++;
        }
        return new TargetFigures(OversightNames.Of(kind), met, missed, Percentile.Share(met, met + missed));
    }).ToList();

    internal sealed record BacklogRow(Guid FromPartyId, Guid ToPartyId, int Band, int Count);

    /// Open at the end of the period: submitted before it, its final answer (or refusal) not given before it, and
    /// not withdrawn before it (closing needs an answer first). The final-answer deadline is found by primary
    /// key; the events are read only for withdrawn requests. Aggregated by the database.
    internal Task<List<BacklogRow>> BacklogAsync(CancellationToken ct)
    {
        var (mechanism, to) = (scope.MechanismId, scope.To);
        var (d7, d30, d90) = (to.AddDays(-7), to.AddDays(-30), to.AddDays(-90));
        return db.Requests.AsNoTracking()
            .Where(r => r.MechanismId == mechanism && r.SubmittedAt < to
                && !r.Deadlines.Any(d => d.Kind == DeadlineKind.FinalAnswer && d.CompletedAt < to)
                && !(r.Status == RequestStatus.Withdrawn
                     && db.RequestEvents.Any(e => e.RequestId == r.Id && e.Type == RequestEventType.Withdrawn && e.OccurredAt < to)))
            .GroupBy(r => new { r.FromPartyId, r.ToPartyId, Band = r.SubmittedAt > d7 ? 0 : r.SubmittedAt > d30 ? 1 : r.SubmittedAt > d90 ? 2 : 3 })
            .Select(g => new BacklogRow(g.Key.FromPartyId, g.Key.ToPartyId, g.Key.Band, g.Count()))
            .ToListAsync(ct);
    }
}
