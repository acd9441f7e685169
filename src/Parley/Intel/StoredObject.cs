using Parley.Stix.Markings;

namespace Parley.Intel;

/// One version of a STIX object shared in a collection of a mechanism, kept as the JSON it arrived as.
public sealed class StoredObject
{
    /// Insertion order; the paging cursor of TAXII reads.
    public long Seq { get; set; }
    public Guid MechanismId { get; set; }
    public Guid CollectionId { get; set; }
    public required string StixId { get; set; }
    public required string Type { get; set; }
    public required string SpecVersion { get; set; }
    /// `modified`, else `created`, else the date added (SCOs are not versioned); to the microsecond.
    public DateTime Version { get; set; }
    /// The version as the object spells it (millisecond precision kept as sent).
    public required string VersionText { get; set; }
    public DateTime DateAdded { get; set; }
    /// Whether this is the newest / oldest version of the object in its collection.
    public bool IsLast { get; set; }
    public bool IsFirst { get; set; }
    /// The most restrictive TLP level among the object's markings; null when it carries none.
    public TlpLevel? Tlp { get; set; }
    /// The object's marking-definition references, space-separated.
    public string? MarkingRefs { get; set; }
    public Guid SourcePartyId { get; set; }
    public Guid SourceAgencyId { get; set; }
    public Guid? SourceUserId { get; set; }
    /// Who the object was shared with: an agency (and its party), or nobody in particular (every party of the mechanism).
    public Guid? RecipientPartyId { get; set; }
    public Guid? RecipientAgencyId { get; set; }
    public required string Json { get; set; }
}
