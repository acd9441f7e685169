namespace Parley.Incidents;

/// The derived <see cref="FacetKind.SponsorVictim"/> facets: every sponsor paired with every victim country.
public static class SponsorVictimPairs
{
    public static string Of(string sponsor, string victimCountry) => sponsor + ">" + victimCountry;

    public static IEnumerable<(FacetKind Kind, string Value)> For(IEnumerable<(FacetKind Kind, string Value)> facets)
    {
        var list = facets as IReadOnlyCollection<(FacetKind Kind, string Value)> ?? facets.ToList();
        return from s in list where s.Kind == FacetKind.Sponsor
               from v in list where v.Kind == FacetKind.VictimCountry
               select (FacetKind.SponsorVictim, Of(s.Value, v.Value));
    }
}
