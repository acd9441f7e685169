using System.Text.Json;
using Parley.Actors;

namespace Parley.Incidents;

/// Reads categories, sectors and confidence from their kebab-case names and the words trackers use.
public static class Vocabulary
{
    private static readonly Dictionary<string, IncidentCategory> Categories = Build<IncidentCategory>(new()
    {
        ["ip theft"] = IncidentCategory.CommercialEspionage, ["intellectual property theft"] = IncidentCategory.CommercialEspionage,
        ["economic espionage"] = IncidentCategory.CommercialEspionage,
        // Trackers' bare "espionage" is state-on-state unless they say commercial.
        ["espionage"] = IncidentCategory.GovernmentEspionage, ["political espionage"] = IncidentCategory.GovernmentEspionage,
        ["sabotage"] = IncidentCategory.Destruction, ["data destruction"] = IncidentCategory.Destruction, ["wiper"] = IncidentCategory.Destruction,
        ["denial of service"] = IncidentCategory.Ddos, ["dos"] = IncidentCategory.Ddos,
        ["doxing"] = IncidentCategory.DataTheft, ["data breach"] = IncidentCategory.DataTheft,
        ["defacement"] = IncidentCategory.Disruption, ["disinformation"] = IncidentCategory.Influence,
    });

    private static readonly Dictionary<string, Sector> Sectors = Build<Sector>(new()
    {
        ["defense industry"] = Sector.DefenseIndustrialBase, ["defence industry"] = Sector.DefenseIndustrialBase, ["defense"] = Sector.DefenseIndustrialBase,
        ["financial"] = Sector.FinancialServices, ["finance"] = Sector.FinancialServices, ["health"] = Sector.Healthcare,
        ["healthcare and public health"] = Sector.Healthcare, ["it"] = Sector.InformationTechnology,
        ["nuclear reactors materials and waste"] = Sector.Nuclear, ["transportation systems"] = Sector.Transportation,
        ["water and wastewater systems"] = Sector.Water, ["telecommunications"] = Sector.Communications, ["telecom"] = Sector.Communications,
        ["manufacturing"] = Sector.CriticalManufacturing, ["aerospace"] = Sector.DefenseIndustrialBase,
        ["private"] = Sector.PrivateSector, ["academia"] = Sector.Education, ["ngo"] = Sector.CivilSociety,
    });

    private static readonly Dictionary<string, Confidence> Confidences = Build<Confidence>(new());

    public static bool TryCategory(string text, out IncidentCategory value) => Categories.TryGetValue(NameKey.Of(text), out value);
    public static bool TrySector(string text, out Sector value) => Sectors.TryGetValue(NameKey.Of(text), out value);
    public static bool TryConfidence(string text, out Confidence value) => Confidences.TryGetValue(NameKey.Of(text), out value);

    /// The kebab-case name the API and the facet rows use (commercial-espionage, defense-industrial-base).
    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static IEnumerable<string> Names<T>() where T : struct, Enum => Enum.GetValues<T>().Select(Name);

    private static Dictionary<string, T> Build<T>(Dictionary<string, T> aliases) where T : struct, Enum
    {
        var map = Enum.GetValues<T>().ToDictionary(v => NameKey.Of(Name(v)), v => v);
        foreach (var (alias, value) in aliases) map.TryAdd(NameKey.Of(alias), value);
        return map;
    }
}
