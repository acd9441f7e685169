using Parley.Demo;
using Parley.Incidents;
using Parley.Incidents.Statistics;

namespace Parley.Tests.Incidents;

public sealed class DemoIncidentsTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 14, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Create_ASyntheticRegister_WhereOnlyCnAgainstUsFallsAfterTheAgreement()
    {
        var objects = DemoIncidents.Create(Guid.NewGuid(), Now).ToList();
        var incidents = objects.OfType<Incident>().ToList();
        Assert.Equal(3, objects.OfType<Commitment>().Count());
        Assert.InRange(incidents.Count, 250, 500);
        Assert.All(incidents, i => Assert.StartsWith("Synthetic demo incident", i.Title));
        Assert.Equal(incidents.Count, incidents.Select(i => i.Key).Distinct().Count());

        (int Before, int After) Count(Func<Incident, bool> which)
        {
            var dated = incidents.Where(i => i.FirstSeenPrecision == DatePrecision.Day && which(i)).ToList();
            return (dated.Count(i => i.FirstSeen >= new DateOnly(2013, 9, 25) && i.FirstSeen < new DateOnly(2015, 9, 25)),
                    dated.Count(i => i.FirstSeen >= new DateOnly(2015, 9, 25) && i.FirstSeen < new DateOnly(2017, 9, 25)));
        }
        var cnUs = Count(i => i.ValuesOf(FacetKind.Sponsor).Contains("CN") && i.ValuesOf(FacetKind.VictimCountry).Contains("US"));
        var others = Count(i => !i.ValuesOf(FacetKind.Sponsor).Contains("CN"));
        Assert.True(RateRatioTest.Compute(cnUs.After, 24, cnUs.Before, 24).Upper < 1);
        Assert.True(RateRatioTest.Compute(others.After, 24, others.Before, 24).PValue > 0.05);
    }
}
