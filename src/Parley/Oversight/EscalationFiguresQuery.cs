using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Escalation;

namespace Parley.Oversight;

/// Escalations raised in the period, by the direction of their request, cause and highest level reached.
public sealed class EscalationFiguresQuery(ParleyDbContext db, ReportScope scope)
{
    private sealed record Row(Guid FromPartyId, Guid ToPartyId, EscalationCause Cause, int Level, DateTime LevelReachedAt, DateTime? AcknowledgedAt);

    public async Task<Dictionary<(Guid, Guid), EscalationFigures>> RunAsync(CancellationToken ct)
    {
        var (mechanism, start, end) = (scope.MechanismId, scope.From, scope.To);
        var rows = await (from e in db.Escalations.AsNoTracking()
                          join r in db.Requests on e.RequestId equals r.Id
                          where e.MechanismId == mechanism && e.RaisedAt >= start && e.RaisedAt < end
                          select new Row(r.FromPartyId, r.ToPartyId, e.Cause, e.Level, e.LevelReachedAt, e.AcknowledgedAt)).ToListAsync(ct);
        var names = await db.EscalationLevels.AsNoTracking().Where(l => l.MechanismId == mechanism)
            .ToDictionaryAsync(l => l.Level, l => l.Name, ct);
        var top = Math.Max(names.Keys.DefaultIfEmpty(0).Max(), rows.Select(r => r.Level).DefaultIfEmpty(0).Max());

        return scope.Directions.ToDictionary(key => key, key =>
        {
            var mine = rows.Where(r => (r.FromPartyId, r.ToPartyId) == key).ToList();
            var causes = OversightNames.Zeros<EscalationCause>();
            foreach (var r in mine) causes[OversightNames.Of(r.Cause)]++;
            var levels = Enumerable.Range(1, top).Select(level =>
            {
                var at = mine.Where(r => r.Level == level).ToList();
                // Acknowledged before the end of the period, at this level.
                var hours = at.Where(r => r.AcknowledgedAt is { } a && a < end).Select(r => (r.AcknowledgedAt!.Value - r.LevelReachedAt).TotalHours).ToList();
                var stat = Percentile.Of(hours);
                return new EscalationLevelFigures(level, names.GetValueOrDefault(level) ?? $"Level {level}", at.Count, stat.Count, stat.Median, stat.P90);
            }).ToList();
            return new EscalationFigures(mine.Count, causes, levels);
        });
    }
}
