namespace Parley.Incidents;

public sealed record SourceInput(string? Url, string? Title);

public sealed record BreachInput(Guid? CommitmentId, string? Note);

/// An incident as a client or an import file gives it: names and codes as people write them.
public sealed record IncidentInput(
    string? Title, string? Description, string? FirstSeen, string? Reported,
    string[]? VictimOrganisations, string[]? VictimCountries, string[]? Sectors, string[]? Categories,
    string[]? IntrusionSets, string[]? Sponsors, string? Confidence, string? AttributedBy,
    SourceInput[]? Sources, Guid[]? RequestIds, BreachInput[]? Breaches, string? Id = null);

/// An incident input read and checked: codes, catalogue names and partial dates.
public sealed class IncidentDraft
{
    public required string Title { get; init; }
    public string? Description { get; init; }
    public PartialDate FirstSeen { get; init; }
    public PartialDate? Reported { get; init; }
    public List<(FacetKind Kind, string Value)> Facets { get; } = [];
    public Confidence? Confidence { get; init; }
    public string? AttributedBy { get; init; }
    public List<(string? Url, string? Title)> Sources { get; } = [];
    public List<Guid> RequestIds { get; } = [];
    public List<(Guid CommitmentId, string? Note)> Breaches { get; } = [];
    /// The source's own id for the incident, if it has one.
    public string? SourceId { get; init; }
}
