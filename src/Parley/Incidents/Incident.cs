namespace Parley.Incidents;

/// A malicious cyber operation in the register, with its attribution and where it was reported.
public sealed class Incident
{
    public Guid Id { get; set; }
    /// Stable identity for imports: "id:…" from a source's own id, else a hash of title and first-seen date.
    public required string Key { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    /// The first day the first-seen date can mean; with <see cref="FirstSeenPrecision"/> it is the partial date.
    public DateOnly FirstSeen { get; set; }
    public DatePrecision FirstSeenPrecision { get; set; }
    public int FirstSeenYear { get; set; }
    /// Null when only the year is known, so a monthly trend never puts a year-only incident in January.
    public int? FirstSeenMonth { get; set; }
    public DateOnly? Reported { get; set; }
    public DatePrecision? ReportedPrecision { get; set; }
    public Confidence? Confidence { get; set; }
    public string? AttributedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<IncidentFacet> Facets { get; set; } = [];
    public List<IncidentSource> Sources { get; set; } = [];
    public List<IncidentRequestLink> Requests { get; set; } = [];
    public List<IncidentBreach> Breaches { get; set; } = [];

    public PartialDate FirstSeenDate
    {
        get => PartialDate.From(FirstSeen, FirstSeenPrecision);
        set
        {
            FirstSeen = value.Start;
            FirstSeenPrecision = value.Precision;
            FirstSeenYear = value.Year;
            FirstSeenMonth = value.Month;
        }
    }

    public PartialDate? ReportedDate
    {
        get => Reported is { } r ? PartialDate.From(r, ReportedPrecision ?? DatePrecision.Day) : null;
        set
        {
            Reported = value?.Start;
            ReportedPrecision = value?.Precision;
        }
    }

    public IEnumerable<string> ValuesOf(FacetKind kind) => Facets.Where(f => f.Kind == kind).Select(f => f.Value);
}

/// One value of a multi-valued attribute: a sponsor (ISO code), victim country (ISO code), sector,
/// category (kebab-case names), intrusion set (ATT&CK name) or victim organisation.
public sealed class IncidentFacet
{
    public Guid IncidentId { get; set; }
    public FacetKind Kind { get; set; }
    public required string Value { get; set; }
    /// The incident's first-seen date, year and month, copied here (kept by IncidentWriter) so that a trend
    /// over attributes and dates reads the facet index alone instead of looking each incident up.
    public DateOnly FirstSeen { get; set; }
    public int FirstSeenYear { get; set; }
    public int? FirstSeenMonth { get; set; }
}

public sealed class IncidentSource
{
    public Guid Id { get; set; }
    public Guid IncidentId { get; set; }
    public string? Url { get; set; }
    public string? Title { get; set; }
}

public sealed class IncidentRequestLink
{
    public Guid IncidentId { get; set; }
    public Guid RequestId { get; set; }
}

/// The incident may breach one of the mechanism's commitments; the note says why.
public sealed class IncidentBreach
{
    public Guid IncidentId { get; set; }
    public Guid CommitmentId { get; set; }
    public string? Note { get; set; }
}
