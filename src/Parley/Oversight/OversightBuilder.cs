using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Directory;

namespace Parley.Oversight;

/// Builds the oversight report with a handful of set-based queries (no query per request): grouped counts
/// are aggregated by the database, per-request times are computed from projected deadline columns.
public sealed class OversightBuilder(ParleyDbContext db)
{
    public static readonly IReadOnlyList<string> Definitions =
    [
        "Period: [from, to) in UTC. Requests count in the period they were submitted in; escalations, hotline sessions and communication checks in the period they started; ratings in the period they were given.",
        "Directions: requesting party → responding party, e.g. US-CN is requests from the US answered by CN.",
        "Times: from submission to the first acknowledgement, to the first answer (partial or final) and to the final answer (a reasoned refusal counts as all three), in hours of the priority's clock: calendar time, or business time (working hours, working days and holidays of the responding party). Time awaiting clarification is not counted. Only steps taken before the end of the period are measured.",
        "Percentiles: nearest rank. The p-th percentile of N values sorted ascending is the value at rank ⌈p/100 × N⌉; the median is p = 50 (for an even N the lower of the two middle values), p90 is p = 90.",
        "Within target: of the deadlines decided by the end of the period (met, or due before the end and missed), the share met. Deadlines of withdrawn requests are not counted.",
        "Escalations: by the highest level reached; time to acknowledgement in calendar hours from reaching the level at which it was acknowledged.",
        "Hotline: time until both sides acknowledged, in calendar hours from the opening of the session.",
        "Quality: averages of the 1–5 scores; overall is the mean of the three dimensions. Histograms count ratings per score 1, 2, 3, 4, 5.",
        "Backlog: requests still open at the end of the period (submitted, not answered, declined, withdrawn or closed), by calendar age since submission.",
    ];

    /// The mechanism with what the report needs, by id or code, whoever reads it (the command line).
    public static Task<Mechanism?> FindMechanismAsync(ParleyDbContext db, string idOrCode, CancellationToken ct) =>
        FindMechanismAsync(db, idOrCode, memberPartyId: null, ct);

    /// The mechanism with what the report needs, by id or code; with <paramref name="memberPartyId"/>, only when that
    /// party belongs to it (filtered in the query, so that another party's mechanism costs what a missing one does).
    public static async Task<Mechanism?> FindMechanismAsync(ParleyDbContext db, string idOrCode, Guid? memberPartyId, CancellationToken ct)
    {
        var mechanisms = memberPartyId is { } party ? db.Mechanisms.WithMember(party) : db.Mechanisms;
        var query = mechanisms.AsNoTracking().Include(m => m.Parties).ThenInclude(p => p.Party!).ThenInclude(p => p.CalendarDays)
            .Include(m => m.Rounds).Include(m => m.Policies).AsSplitQuery();
        return Guid.TryParse(idOrCode, out var id)
            ? await query.SingleOrDefaultAsync(m => m.Id == id, ct)
            : await query.SingleOrDefaultAsync(m => m.Code == idOrCode, ct);
    }

    public async Task<OversightReport> BuildAsync(Mechanism mechanism, ReportPeriod period, DateTime now, CancellationToken ct)
    {
        var parties = mechanism.Parties.Select(p => p.Party!).OrderByDescending(p => p.Code == "US").ThenBy(p => p.Code).ToList();
        var scope = new ReportScope(mechanism, period, parties.ToDictionary(p => p.Id));
        var requests = await new RequestFiguresQuery(db, scope).RunAsync(ct);
        var escalations = await new EscalationFiguresQuery(db, scope).RunAsync(ct);
        var quality = await new QualityFiguresQuery(db, scope).RunAsync(ct);
        var hotline = await new HotlineFiguresQuery(db, scope).RunAsync(ct);
        var checks = await new CheckFiguresQuery(db, scope).RunAsync(ct);

        var directions = new List<DirectionReport>();
        foreach (var from in parties)
        foreach (var to in parties.Where(p => p.Id != from.Id))
        {
            var key = (from.Id, to.Id);
            var r = requests[key];
            directions.Add(new DirectionReport($"{from.Code}-{to.Code}", from.Code, to.Code,
                r.Counts, r.Timings, r.Targets, r.Missed, escalations[key], quality[key], r.Backlog));
        }
        return new OversightReport(new MechanismRef(mechanism.Id, mechanism.Code, mechanism.Name), period, now,
            Definitions, directions, hotline, checks);
    }
}

/// What every query of one report shares.
public sealed record ReportScope(Mechanism Mechanism, ReportPeriod Period, IReadOnlyDictionary<Guid, Party> Parties)
{
    public Guid MechanismId => Mechanism.Id;
    public DateTime From => Period.From;
    public DateTime To => Period.To;

    public IEnumerable<(Guid From, Guid To)> Directions =>
        Parties.Keys.SelectMany(a => Parties.Keys.Where(b => b != a).Select(b => (a, b)));
}
