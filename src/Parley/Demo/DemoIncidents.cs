using Parley.Incidents;

namespace Parley.Demo;

/// A synthetic incident register for 2013–2017 (every title says so): CN-sponsored operations
/// against US victims fall after the September 2015 agreement; other sponsors' and other victims'
/// do not. Plus the mechanism's three commitments. Seeded, so every demo has the same data.
public static class DemoIncidents
{
    private static readonly DateOnly Agreement = new(2015, 9, 25);
    private static readonly string[] CnSets = ["APT1", "APT3", "menuPass", "APT17", "APT19", "Deep Panda", "Ke3chang", "APT12", "Axiom"];
    private static readonly (string Sponsor, string[] Sets, double PerMonth)[] Others =
    [
        ("RU", ["APT28", "APT29", "Sandworm Team"], 1.1), ("KP", ["Lazarus Group", "Kimsuky"], 0.6), ("IR", ["APT33", "OilRig"], 0.5),
    ];
    private static readonly string[] UsSectors = ["defense-industrial-base", "information-technology", "energy", "financial-services", "healthcare", "critical-manufacturing", "communications", "government"];
    private static readonly string[] OtherVictims = ["GB", "DE", "JP", "KR", "UA", "SA", "TW", "IN"];

    public static IEnumerable<object> Create(Guid mechanismId, DateTime now)
    {
        var random = new Random(2015);
        var commitments = new[]
        {
            Commitment(mechanismId, now, "no-ip-theft", "No cyber-enabled theft of intellectual property for commercial advantage"),
            Commitment(mechanismId, now, "timely-responses", "Timely responses to requests for information and assistance"),
            Commitment(mechanismId, now, "mitigate-from-territory", "Mitigate malicious cyber activity from one's own territory"),
        };
        var incidents = new List<Incident>();
        for (var month = new DateOnly(2013, 1, 1); month < new DateOnly(2018, 1, 1); month = month.AddMonths(1))
        {
            var after = month.AddMonths(1).AddDays(-1) >= Agreement;
            Add(incidents, random, now, month, Poisson(random, after ? 1.4 : 4.8), "CN", CnSets, "US", commercial: true, commitments[0].Id);
            Add(incidents, random, now, month, Poisson(random, 1.0), "CN", CnSets, null, commercial: false, null);
            foreach (var (sponsor, sets, perMonth) in Others)
                Add(incidents, random, now, month, Poisson(random, perMonth), sponsor, sets, random.Next(3) == 0 ? "US" : null, commercial: false, null);
        }
        return [.. commitments, .. incidents];
    }

    private static void Add(List<Incident> incidents, Random random, DateTime now, DateOnly month, int count, string sponsor, string[] sets,
        string? victim, bool commercial, Guid? breach)
    {
        for (var n = 0; n < count; n++)
        {
            var day = month.AddDays(random.Next(DateTime.DaysInMonth(month.Year, month.Month)));
            // Most public reporting dates an operation to the day, some only to the month, a few to the year.
            var roll = random.NextDouble();
            var date = roll < 0.72 ? new PartialDate(day.Year, day.Month, day.Day) : roll < 0.95 ? new PartialDate(day.Year, day.Month) : new PartialDate(day.Year);
            var country = victim ?? OtherVictims[random.Next(OtherVictims.Length)];
            var sector = country == "US" ? UsSectors[random.Next(UsSectors.Length)] : random.Next(2) == 0 ? "government" : "technology";
            var category = commercial ? "commercial-espionage" : sponsor switch
            {
                "RU" => random.Next(4) == 0 ? "influence" : "government-espionage",
                "KP" => random.Next(3) == 0 ? "destruction" : "data-theft",
                "IR" => random.Next(3) == 0 ? "ddos" : "government-espionage",
                _ => "government-espionage",
            };
            var number = incidents.Count + 1;
            var reported = day.AddDays(20 + random.Next(120));
            var set = sets[random.Next(sets.Length)];
            var draft = new IncidentDraft
            {
                Title = $"Synthetic demo incident {number}: {Describe(category)} against a {sector.Replace('-', ' ')} organisation in {Countries.NameOf(country)}",
                Description = "Synthetic data generated for the Parley demo; not a real event.",
                FirstSeen = date, Reported = new PartialDate(reported.Year, reported.Month),
                Confidence = (Confidence)random.Next(3), AttributedBy = "demo analyst (synthetic)", SourceId = $"demo-{number:0000}",
            };
            draft.Facets.AddRange([(FacetKind.Sponsor, sponsor), (FacetKind.VictimCountry, country), (FacetKind.Sector, sector),
                (FacetKind.Category, category), (FacetKind.IntrusionSet, set), (FacetKind.VictimOrganisation, $"Synthetic victim {number}")]);
            draft.Sources.Add((null, "Synthetic demo data (not a real report)"));
            if (breach is { } id && random.Next(4) == 0) draft.Breaches.Add((id, "Possible commercial IP theft (synthetic demo note)."));
            incidents.Add(IncidentWriter.Create(draft, now));
        }
    }

    private static Commitment Commitment(Guid mechanismId, DateTime now, string code, string text) =>
        new() { Id = Guid.CreateVersion7(now), MechanismId = mechanismId, Code = code, Text = text };

    private static string Describe(string category) => category switch
    {
        "commercial-espionage" => "theft of trade secrets",
        "government-espionage" => "espionage",
        "data-theft" => "data theft",
        "ddos" => "denial of service",
        _ => category,
    };

    private static int Poisson(Random random, double mean)
    {
        var (limit, k, p) = (Math.Exp(-mean), 0, 1.0);
        while ((p *= random.NextDouble()) > limit) k++;
        return k;
    }
}
