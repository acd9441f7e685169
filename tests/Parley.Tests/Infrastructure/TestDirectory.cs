using Parley.Data;
using Parley.Directory;
using Parley.Escalation;
using Parley.Identity;

namespace Parley.Tests.Infrastructure;

/// Seeds the directory the tests speak of: mechanism US-CN (urgent on a calendar clock, high and
/// routine on business clocks), a third party GB outside it, and one user per role and side.
public sealed class TestDirectory
{
    public const string Password = "correct horse battery staple";

    public static readonly TimeSpan UrgentAck = TimeSpan.FromHours(4), UrgentFirst = TimeSpan.FromHours(24), UrgentFinal = TimeSpan.FromHours(72);
    public static readonly TimeSpan HighAck = TimeSpan.FromHours(8), HighFirst = TimeSpan.FromHours(24), HighFinal = TimeSpan.FromHours(80);
    public static readonly TimeSpan RoutineAck = TimeSpan.FromHours(16), RoutineFirst = TimeSpan.FromHours(80), RoutineFinal = TimeSpan.FromHours(240);

    public Dictionary<string, string> Tokens { get; } = new();
    /// Base32 TOTP secrets of the users whose role needs a second factor (supervisors, hotline officers, administrators).
    public Dictionary<string, string> TotpSecrets { get; } = new();
    private readonly Dictionary<string, long> _lastStep = new();
    public Dictionary<string, Guid> Users { get; } = new();
    public Dictionary<string, Guid> Agencies { get; } = new();
    /// Points of contact by name ("FBI desk", "FBI duty", "DHS desk", "MPS desk", "MPS duty", "MSS desk", "NCA desk").
    public Dictionary<string, Guid> Contacts { get; } = new();

    /// The US-CN escalation ladder: level, name, who is told, time to acknowledge.
    public static readonly (int Level, string Name, Roles Notify, TimeSpan AcknowledgeWithin)[] Ladder =
    [
        (1, "Desk", Roles.Officer, TimeSpan.FromHours(2)),
        (2, "Agency supervisor", Roles.Supervisor, TimeSpan.FromHours(4)),
        (3, "Hotline co-chairs", Roles.HotlineOfficer, TimeSpan.FromHours(8)),
    ];

    /// Every user's e-mail address is "{user name}@{party code, lower case}.test", e.g. us.officer@us.test.
    public static string EmailOf(string userName) => $"{userName}@{userName[..2]}.test";
    public Mechanism Mechanism { get; private set; } = null!;

    public static async Task<TestDirectory> SeedAsync(IServiceProvider services, DateTime now)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var factor = scope.ServiceProvider.GetRequiredService<SecondFactor>();
        var result = new TestDirectory();
        LogCapture.Secret(Password);

        var us = Party("US", "United States", "America/New_York");
        us.CalendarDays.Add(new CalendarDay { Id = Guid.NewGuid(), PartyId = us.Id, Date = new DateOnly(2026, 7, 3), Kind = CalendarDayKind.Holiday, Name = "Independence Day (observed)" });
        var cn = Party("CN", "China", "Asia/Shanghai");
        cn.CalendarDays.Add(new CalendarDay { Id = Guid.NewGuid(), PartyId = cn.Id, Date = new DateOnly(2026, 10, 1), Kind = CalendarDayKind.Holiday, Name = "National Day" });
        var gb = Party("GB", "United Kingdom", "Europe/London");
        db.Parties.AddRange(us, cn, gb);

        var agencies = new[] { (us, "FBI"), (us, "DHS"), (cn, "MPS"), (cn, "MSS"), (gb, "NCA") }
            .Select(x => new Agency { Id = Guid.NewGuid(), PartyId = x.Item1.Id, Code = x.Item2, Name = x.Item2 }).ToList();
        db.Agencies.AddRange(agencies);
        foreach (var a in agencies) result.Agencies[a.Code] = a.Id;
        foreach (var (agency, name) in new[] { ("FBI", "desk"), ("FBI", "duty"), ("DHS", "desk"), ("MPS", "desk"), ("MPS", "duty"), ("MSS", "desk"), ("NCA", "desk") })
        {
            var contact = new PointOfContact
            {
                Id = Guid.NewGuid(), AgencyId = result.Agencies[agency], Name = $"{agency} {name}",
                Email = $"{agency.ToLowerInvariant()}.{name}@contacts.test", Phone = "+1 202 555 0100",
                Availability = name == "duty" ? ContactAvailability.AlwaysOn : ContactAvailability.OfficeHours,
            };
            db.PointsOfContact.Add(contact);
            result.Contacts[contact.Name] = contact.Id;
        }

        var mechanism = new Mechanism { Id = Guid.NewGuid(), Code = "US-CN", Name = "US–China High-Level Joint Dialogue", AgreementDate = new DateOnly(2015, 9, 25) };
        mechanism.Parties.Add(new MechanismParty { MechanismId = mechanism.Id, PartyId = us.Id });
        mechanism.Parties.Add(new MechanismParty { MechanismId = mechanism.Id, PartyId = cn.Id });
        mechanism.Policies.Add(Policy(mechanism, Priority.Urgent, ClockKind.Calendar, UrgentAck, UrgentFirst, UrgentFinal));
        mechanism.Policies.Add(Policy(mechanism, Priority.High, ClockKind.Business, HighAck, HighFirst, HighFinal));
        mechanism.Policies.Add(Policy(mechanism, Priority.Routine, ClockKind.Business, RoutineAck, RoutineFirst, RoutineFinal));
        db.Mechanisms.Add(mechanism);
        foreach (var (level, name, notify, within) in Ladder)
            db.EscalationLevels.Add(new EscalationLevel { Id = Guid.NewGuid(), MechanismId = mechanism.Id, Level = level, Name = name, Notify = notify, AcknowledgeWithin = within });
        result.Mechanism = mechanism;

        var users = new (string Name, string Agency, Roles Roles)[]
        {
            ("us.officer", "FBI", Roles.Officer), ("us.officer2", "FBI", Roles.Officer), ("us.supervisor", "FBI", Roles.Supervisor),
            ("us.dhs", "DHS", Roles.Officer), ("us.hotline", "FBI", Roles.HotlineOfficer), ("us.overseer", "FBI", Roles.Overseer),
            ("us.analyst", "FBI", Roles.Analyst), ("us.admin", "FBI", Roles.Administrator),
            ("cn.officer", "MPS", Roles.Officer), ("cn.officer2", "MPS", Roles.Officer), ("cn.supervisor", "MPS", Roles.Supervisor),
            ("cn.mss", "MSS", Roles.Officer), ("cn.hotline", "MPS", Roles.HotlineOfficer), ("cn.overseer", "MPS", Roles.Overseer),
            ("gb.officer", "NCA", Roles.Officer), ("gb.supervisor", "NCA", Roles.Supervisor),
        };
        foreach (var (name, agency, roles) in users)
        {
            var user = new User { Id = Guid.NewGuid(), UserName = name, DisplayName = name, Email = EmailOf(name), AgencyId = result.Agencies[agency], Roles = roles, CreatedAt = now };
            user.PasswordHash = PasswordHash.Value;
            if (SecondFactor.IsRequiredFor(roles))
            {
                var secret = OtpNet.Base32Encoding.ToString(OtpNet.KeyGeneration.GenerateRandomKey(20));
                user.TotpSecret = factor.Protect(secret);
                user.TotpEnrolledAt = now;
                result.TotpSecrets[name] = secret;
                LogCapture.Secret(secret);
            }
            db.Users.Add(user);
            db.ApiTokens.Add(ApiTokens.Create(user, "tests", now, TimeSpan.FromDays(3650), out var token));
            result.Tokens[name] = token;
            LogCapture.Secret(token);
            result.Users[name] = user.Id;
        }
        await db.SaveChangesAsync();
        return result;
    }

    /// A TOTP code the server will accept now for the user: the current step's, or the next step's
    /// when this directory already handed out the current one (a code never works twice).
    public string TotpCode(string userName, DateTime now)
    {
        var step = new DateTimeOffset(now, TimeSpan.Zero).ToUnixTimeSeconds() / 30;
        if (_lastStep.TryGetValue(userName, out var last) && last >= step) step = last + 1;
        _lastStep[userName] = step;
        return new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(TotpSecrets[userName]))
            .ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);
    }

    // Hashing is deliberately slow; the hash does not depend on the user, so compute it once.
    private static readonly Lazy<string> PasswordHash = new(() => Passwords.Hash(new User { UserName = "", DisplayName = "" }, Password));

    private static Party Party(string code, string name, string zone) =>
        new() { Id = Guid.NewGuid(), Code = code, Name = name, TimeZone = zone };

    private static TimelinePolicy Policy(Mechanism m, Priority priority, ClockKind clock, TimeSpan ack, TimeSpan first, TimeSpan final) =>
        new() { Id = Guid.NewGuid(), MechanismId = m.Id, Priority = priority, Clock = clock, AcknowledgeWithin = ack, FirstAnswerWithin = first, FinalAnswerWithin = final };
}
