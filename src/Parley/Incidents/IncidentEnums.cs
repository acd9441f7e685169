namespace Parley.Incidents;

public enum IncidentCategory
{
    CommercialEspionage, GovernmentEspionage, Disruption, Destruction, DataTheft, Ransomware, Ddos, Influence,
}

/// The 16 US critical-infrastructure sectors, then the sectors trackers add.
public enum Sector
{
    Chemical, CommercialFacilities, Communications, CriticalManufacturing, Dams, DefenseIndustrialBase,
    EmergencyServices, Energy, FinancialServices, FoodAndAgriculture, GovernmentFacilities, Healthcare,
    InformationTechnology, Nuclear, Transportation, Water,
    Government, Military, Technology, Education, Media, CivilSociety, PrivateSector,
}

public enum Confidence { Low, Medium, High }

/// The multi-valued attributes of an incident, stored one row per value for grouping and filtering.
/// <see cref="SponsorVictim"/> is derived, never entered: one "CN>US" row per sponsor and victim country
/// of the incident, so the question the register exists for (sponsor X against victims in Y) is one
/// index range instead of two lookups per incident (see <see cref="SponsorVictimPairs"/>).
public enum FacetKind { Sponsor, VictimCountry, Sector, Category, IntrusionSet, VictimOrganisation, SponsorVictim }

public enum DatePrecision { Year, Month, Day }
