using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Hotline;

namespace Parley.Oversight;

/// Hotline sessions opened in the period and pings of communication checks started in it.
public sealed class HotlineFiguresQuery(ParleyDbContext db, ReportScope scope)
{
    public async Task<HotlineFigures> RunAsync(CancellationToken ct)
    {
        var (mechanism, start, end) = (scope.MechanismId, scope.From, scope.To);
        var sessions = await db.HotlineSessions.AsNoTracking()
            .Where(s => s.MechanismId == mechanism && s.OpenedAt >= start && s.OpenedAt < end)
            .Select(s => new { s.Id, s.OpenedAt, s.Outcome, s.ClosedAt }).ToListAsync(ct);
        var participants = (await (from p in db.HotlineParticipants.AsNoTracking()
                                   join s in db.HotlineSessions on p.SessionId equals s.Id
                                   where s.MechanismId == mechanism && s.OpenedAt >= start && s.OpenedAt < end
                                   select new { p.SessionId, p.AcknowledgedAt }).ToListAsync(ct))
            .ToLookup(p => p.SessionId);

        var outcomes = OversightNames.Zeros<HotlineOutcome>();
        outcomes["open"] = 0;
        var hours = new List<double>();
        foreach (var s in sessions)
        {
            outcomes[s.Outcome is { } o && s.ClosedAt < end ? OversightNames.Of(o) : "open"]++;
            var sides = participants[s.Id].ToList();
            if (sides.Count >= 2 && sides.All(p => p.AcknowledgedAt is { } a && a < end))
                hours.Add((sides.Max(p => p.AcknowledgedAt!.Value) - s.OpenedAt).TotalHours);
        }
        var stat = Percentile.Of(hours);
        return new HotlineFigures(sessions.Count, outcomes, stat.Count, stat.Median, stat.P90);
    }
}

public sealed class CheckFiguresQuery(ParleyDbContext db, ReportScope scope)
{
    public async Task<List<CheckFigures>> RunAsync(CancellationToken ct)
    {
        var (mechanism, start, end) = (scope.MechanismId, scope.From, scope.To);
        var groups = await (from p in db.CommunicationCheckPings.AsNoTracking()
                            join c in db.CommunicationChecks on p.CheckId equals c.Id
                            where c.MechanismId == mechanism && c.StartedAt >= start && c.StartedAt < end
                            group p by new { p.PartyId, p.Result } into g
                            select new { g.Key.PartyId, g.Key.Result, Count = g.Count() }).ToListAsync(ct);
        return scope.Parties.Values.OrderByDescending(p => p.Code == "US").ThenBy(p => p.Code).Select(party =>
        {
            int Count(PingResult result) => groups.Where(g => g.PartyId == party.Id && g.Result == result).Sum(g => g.Count);
            int onTime = Count(PingResult.OnTime), late = Count(PingResult.Late), never = Count(PingResult.Never), pending = Count(PingResult.Pending);
            var decided = onTime + late + never;
            return new CheckFigures(party.Code, decided + pending, onTime, late, never, pending,
                Percentile.Share(onTime, decided), Percentile.Share(onTime + late, decided));
        }).ToList();
    }
}
