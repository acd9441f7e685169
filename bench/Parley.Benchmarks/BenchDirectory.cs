using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Directory;
using Parley.Identity;

namespace Parley.Benchmarks;

/// The directory the benchmarks run against: mechanism US-CN (urgent on a calendar clock, high and
/// routine on business clocks, as in the tests), four agencies per side, one officer per agency.
/// Seeded straight into the DbContext; API tokens are made afresh for each run.
public sealed class BenchDirectory
{
    public const string MechanismCode = "US-CN";
    public static readonly string[] UsAgencies = ["FBI", "DHS", "USSS", "CISA"];
    public static readonly string[] CnAgencies = ["MPS", "MSS", "CAC", "CNCERT"];

    public Guid MechanismId { get; private init; }
    public Guid UsPartyId { get; private init; }
    public Guid CnPartyId { get; private init; }
    public Dictionary<string, Guid> Agencies { get; private init; } = new();

    /// The officer of an agency, e.g. "cn.mps".
    public static string OfficerOf(string agency) =>
        (UsAgencies.Contains(agency) ? "us." : "cn.") + agency.ToLowerInvariant();

    public static async Task<BenchDirectory> SeedAsync(IServiceProvider services, DateTime now)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();

        var us = new Party { Id = Guid.NewGuid(), Code = "US", Name = "United States", TimeZone = "America/New_York" };
        var cn = new Party { Id = Guid.NewGuid(), Code = "CN", Name = "China", TimeZone = "Asia/Shanghai" };
        foreach (var (date, name) in new[] { (new DateOnly(2026, 7, 3), "Independence Day (observed)"), (new DateOnly(2026, 11, 26), "Thanksgiving Day") })
            us.CalendarDays.Add(new CalendarDay { Id = Guid.NewGuid(), PartyId = us.Id, Date = date, Kind = CalendarDayKind.Holiday, Name = name });
        foreach (var day in Enumerable.Range(1, 7))
            cn.CalendarDays.Add(new CalendarDay { Id = Guid.NewGuid(), PartyId = cn.Id, Date = new DateOnly(2026, 10, day), Kind = CalendarDayKind.Holiday, Name = "National Day" });
        cn.CalendarDays.Add(new CalendarDay { Id = Guid.NewGuid(), PartyId = cn.Id, Date = new DateOnly(2026, 10, 10), Kind = CalendarDayKind.WorkingDay, Name = "Adjusted working day" });
        db.Parties.AddRange(us, cn);

        var agencies = UsAgencies.Select(code => (us, code)).Concat(CnAgencies.Select(code => (cn, code)))
            .Select(x => new Agency { Id = Guid.NewGuid(), PartyId = x.Item1.Id, Code = x.code, Name = x.code }).ToList();
        db.Agencies.AddRange(agencies);

        var mechanism = new Mechanism { Id = Guid.NewGuid(), Code = MechanismCode, Name = "US–China High-Level Joint Dialogue", AgreementDate = new DateOnly(2015, 9, 25) };
        mechanism.Parties.Add(new MechanismParty { MechanismId = mechanism.Id, PartyId = us.Id });
        mechanism.Parties.Add(new MechanismParty { MechanismId = mechanism.Id, PartyId = cn.Id });
        mechanism.Policies.Add(Policy(mechanism, Priority.Urgent, ClockKind.Calendar, 4, 24, 72));
        mechanism.Policies.Add(Policy(mechanism, Priority.High, ClockKind.Business, 8, 24, 80));
        mechanism.Policies.Add(Policy(mechanism, Priority.Routine, ClockKind.Business, 16, 80, 240));
        db.Mechanisms.Add(mechanism);

        foreach (var agency in agencies)
        {
            var name = OfficerOf(agency.Code);
            db.Users.Add(new User { Id = Guid.NewGuid(), UserName = name, DisplayName = name, AgencyId = agency.Id, Roles = Roles.Officer, CreatedAt = now });
        }
        await db.SaveChangesAsync();
        return new BenchDirectory
        {
            MechanismId = mechanism.Id, UsPartyId = us.Id, CnPartyId = cn.Id,
            Agencies = agencies.ToDictionary(a => a.Code, a => a.Id),
        };
    }

    /// Reads back a directory seeded earlier (the cached list database).
    public static async Task<BenchDirectory> LoadAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var parties = await db.Parties.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Id);
        return new BenchDirectory
        {
            MechanismId = await db.Mechanisms.Where(m => m.Code == MechanismCode).Select(m => m.Id).SingleAsync(),
            UsPartyId = parties["US"],
            CnPartyId = parties["CN"],
            Agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Id),
        };
    }

    /// A new API token for the named user; only its hash is stored, as `parley token create` does.
    public static async Task<string> CreateTokenAsync(IServiceProvider services, string userName, DateTime now)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        db.ApiTokens.Add(ApiTokens.Create(user, "benchmark", now, TimeSpan.FromDays(1), out var token));
        await db.SaveChangesAsync();
        return token;
    }

    private static TimelinePolicy Policy(Mechanism m, Priority priority, ClockKind clock, int ackHours, int firstHours, int finalHours) => new()
    {
        Id = Guid.NewGuid(), MechanismId = m.Id, Priority = priority, Clock = clock,
        AcknowledgeWithin = TimeSpan.FromHours(ackHours), FirstAnswerWithin = TimeSpan.FromHours(firstHours), FinalAnswerWithin = TimeSpan.FromHours(finalHours),
    };
}
