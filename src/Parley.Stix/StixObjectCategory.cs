namespace Parley.Stix;

/// <summary>The kinds of STIX object, which decide the common properties an object must have.</summary>
public enum StixObjectCategory
{
    /// <summary>The type is missing or unusable.</summary>
    Unknown = 0,

    /// <summary>A STIX Domain Object (SDO): indicator, identity, intrusion-set, … or a custom SDO.</summary>
    DomainObject,

    /// <summary>A STIX Relationship Object (SRO): relationship, sighting, or a custom SRO.</summary>
    RelationshipObject,

    /// <summary>A STIX Cyber-observable Object (SCO): ipv4-addr, file, url, … or a custom SCO.</summary>
    CyberObservable,

    /// <summary>A marking-definition (a STIX Meta Object).</summary>
    MarkingDefinition,

    /// <summary>A language-content object (a STIX Meta Object).</summary>
    LanguageContent,

    /// <summary>An extension-definition object (a STIX Meta Object).</summary>
    ExtensionDefinition,

    /// <summary>A bundle, the container of other objects (not itself a STIX object).</summary>
    Bundle,
}
