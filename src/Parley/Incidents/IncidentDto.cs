using Parley.Actors;

namespace Parley.Incidents;

public sealed record IntrusionSetRef(string Name, string? StixId, string? AttackId);

public sealed record BreachDto(Guid CommitmentId, string? Note);

public sealed record SourceDto(string? Url, string? Title);

public sealed record IncidentDto(
    Guid Id, string Key, string Title, string? Description, string FirstSeen, DatePrecision FirstSeenPrecision, string? Reported,
    IReadOnlyList<string> VictimOrganisations, IReadOnlyList<string> VictimCountries, IReadOnlyList<string> Sectors,
    IReadOnlyList<string> Categories, IReadOnlyList<IntrusionSetRef> IntrusionSets, IReadOnlyList<string> Sponsors,
    Confidence? Confidence, string? AttributedBy, IReadOnlyList<SourceDto> Sources, IReadOnlyList<Guid> RequestIds,
    IReadOnlyList<BreachDto> Breaches, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static IncidentDto From(Incident i)
    {
        List<string> Of(FacetKind kind) => i.ValuesOf(kind).Order(StringComparer.Ordinal).ToList();
        return new IncidentDto(i.Id, i.Key, i.Title, i.Description, i.FirstSeenDate.ToString(), i.FirstSeenPrecision, i.ReportedDate?.ToString(),
            Of(FacetKind.VictimOrganisation), Of(FacetKind.VictimCountry), Of(FacetKind.Sector), Of(FacetKind.Category),
            Of(FacetKind.IntrusionSet).Select(n => ActorCatalogue.Default.FindByNameOrAlias(n) is { } s
                ? new IntrusionSetRef(s.Name, s.StixId, s.AttackId) : new IntrusionSetRef(n, null, null)).ToList(),
            Of(FacetKind.Sponsor), i.Confidence, i.AttributedBy,
            i.Sources.Select(s => new SourceDto(s.Url, s.Title)).ToList(), i.Requests.Select(r => r.RequestId).ToList(),
            i.Breaches.Select(b => new BreachDto(b.CommitmentId, b.Note)).ToList(), i.CreatedAt, i.UpdatedAt);
    }
}
