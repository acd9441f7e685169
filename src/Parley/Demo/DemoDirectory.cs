using Parley.Directory;
using Parley.Identity;

namespace Parley.Demo;

/// The 2015 US–China mechanism: both parties, their agencies and points of contact, the dialogue
/// rounds, the timeline policy and a user for every role on each side.
public sealed class DemoDirectory
{
    /// Every demo user: name, display name, agency and role.
    private static readonly (string Name, string Display, string Agency, Roles Roles)[] DemoUsers =
    [
        ("us.officer", "Dana Whitfield", "FBI", Roles.Officer), ("us.officer2", "Marcus Lee", "FBI", Roles.Officer),
        ("us.dhs", "Priya Raman", "DHS", Roles.Officer), ("us.supervisor", "Ellen Park", "FBI", Roles.Supervisor),
        ("us.hotline", "James Ortiz", "DHS", Roles.HotlineOfficer), ("us.overseer", "Ruth Calloway", "DOJ", Roles.Overseer),
        ("us.analyst", "Sam Novak", "FBI", Roles.Analyst), ("us.admin", "Chris Doyle", "DHS", Roles.Administrator),
        ("cn.officer", "Wang Lei", "MPS", Roles.Officer), ("cn.officer2", "Zhao Min", "MPS", Roles.Officer),
        ("cn.mss", "Chen Jie", "MSS", Roles.Officer), ("cn.supervisor", "Liu Yang", "MPS", Roles.Supervisor),
        ("cn.hotline", "Sun Hui", "MPS", Roles.HotlineOfficer), ("cn.overseer", "Li Na", "MOJ", Roles.Overseer),
        ("cn.analyst", "Zhou Tao", "SIIO", Roles.Analyst), ("cn.admin", "Huang Wei", "MPS", Roles.Administrator),
    ];

    public static IReadOnlyList<string> UserNames { get; } = DemoUsers.Select(u => u.Name).ToArray();

    public Party Us { get; } = NewParty("US", "United States of America", "America/New_York", DemoCalendars.UnitedStates());
    public Party Cn { get; } = NewParty("CN", "People's Republic of China", "Asia/Shanghai", DemoCalendars.China());
    public Dictionary<string, Agency> Agencies { get; } = new();
    public Dictionary<string, User> Users { get; } = new();
    public Mechanism Mechanism { get; }

    public DemoDirectory(DateTime now, string passwordHash)
    {
        foreach (var (party, code, name) in new[]
        {
            (Us, "DHS", "Department of Homeland Security"), (Us, "DOJ", "Department of Justice (Attorney General)"),
            (Us, "FBI", "Federal Bureau of Investigation"),
            (Cn, "MPS", "Ministry of Public Security"), (Cn, "MSS", "Ministry of State Security"), (Cn, "MOJ", "Ministry of Justice"),
            (Cn, "SIIO", "State Internet Information Office"),
        })
        {
            var agency = new Agency { Id = Guid.CreateVersion7(now), PartyId = party.Id, Code = code, Name = name };
            var alwaysOn = code is "FBI" or "MPS";
            agency.Contacts.Add(new PointOfContact
            {
                Id = Guid.CreateVersion7(now), AgencyId = agency.Id,
                Name = alwaysOn ? $"{code} 24/7 cyber desk" : $"{code} international cooperation office",
                Email = $"{(alwaysOn ? "desk" : "cooperation")}@{code.ToLowerInvariant()}.example",
                Phone = party == Us ? $"+1 202 555 01{Agencies.Count:00}" : $"+86 10 5555 01{Agencies.Count:00}",
                Availability = alwaysOn ? ContactAvailability.AlwaysOn : ContactAvailability.OfficeHours,
            });
            party.Agencies.Add(agency);
            Agencies[code] = agency;
        }

        Mechanism = new Mechanism
        {
            Id = Guid.CreateVersion7(now),
            Code = "US-CN",
            Name = "US–China High-Level Joint Dialogue on Cybercrime and Related Issues",
            AgreementDate = new DateOnly(2015, 9, 25),
            Description = "Agreed on 25 September 2015: timely responses to requests for information and assistance concerning " +
                          "malicious cyber activity, mitigation of such activity from one's territory, no cyber-enabled theft of " +
                          "intellectual property for commercial advantage, and a hotline for escalating issues arising in responding.",
        };
        Mechanism.Parties.Add(new MechanismParty { MechanismId = Mechanism.Id, PartyId = Us.Id });
        Mechanism.Parties.Add(new MechanismParty { MechanismId = Mechanism.Id, PartyId = Cn.Id });
        Mechanism.Rounds.Add(Round(new DateOnly(2015, 12, 1), "First round", "Washington, D.C."));
        Mechanism.Rounds.Add(Round(new DateOnly(2016, 6, 14), "Second round", "Beijing"));
        Mechanism.Rounds.Add(Round(new DateOnly(2016, 12, 7), "Third round", "Washington, D.C."));
        Mechanism.Policies.Add(Policy(Priority.Urgent, ClockKind.Calendar, 4, 24, 72));
        Mechanism.Policies.Add(Policy(Priority.High, ClockKind.Business, 8, 24, 80));
        Mechanism.Policies.Add(Policy(Priority.Routine, ClockKind.Business, 16, 80, 240));

        foreach (var (name, display, agency, roles) in DemoUsers)
        {
            Users[name] = new User
            {
                Id = Guid.CreateVersion7(now), UserName = name, DisplayName = display, AgencyId = Agencies[agency].Id,
                Email = $"{name.Replace('.', '-')}@{agency.ToLowerInvariant()}.example", Roles = roles, PasswordHash = passwordHash, CreatedAt = now,
            };
        }

        DialogueRound Round(DateOnly date, string title, string location) =>
            new() { Id = Guid.CreateVersion7(now), MechanismId = Mechanism.Id, Date = date, Title = title, Location = location };

        TimelinePolicy Policy(Priority priority, ClockKind clock, int ack, int first, int final) => new()
        {
            Id = Guid.CreateVersion7(now), MechanismId = Mechanism.Id, Priority = priority, Clock = clock,
            AcknowledgeWithin = TimeSpan.FromHours(ack), FirstAnswerWithin = TimeSpan.FromHours(first), FinalAnswerWithin = TimeSpan.FromHours(final),
        };
    }

    public Actor ActorOf(string userName)
    {
        var user = Users[userName];
        var party = Agencies.Values.Single(a => a.Id == user.AgencyId).PartyId;
        return new Actor(user.Id, user.UserName, user.AgencyId, party, user.Roles, null);
    }

    private static Party NewParty(string code, string name, string zone, IEnumerable<(DateOnly Date, CalendarDayKind Kind, string Name)> days)
    {
        var party = new Party { Id = Guid.CreateVersion7(), Code = code, Name = name, TimeZone = zone };
        party.CalendarDays.AddRange(days.Select(d => new CalendarDay { Id = Guid.CreateVersion7(), PartyId = party.Id, Date = d.Date, Kind = d.Kind, Name = d.Name }));
        return party;
    }
}
