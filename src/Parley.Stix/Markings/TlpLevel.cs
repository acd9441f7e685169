namespace Parley.Stix.Markings;

/// <summary>
/// Traffic Light Protocol levels, from least to most restricted (so levels can be compared with
/// <c>&lt;</c> and <c>&gt;</c>). TLP 1.0 <c>WHITE</c> maps to <see cref="Clear"/>, its TLP 2.0 name.
/// </summary>
public enum TlpLevel
{
    /// <summary>TLP:CLEAR (TLP 1.0: TLP:WHITE) — disclosure is not limited.</summary>
    Clear = 0,

    /// <summary>TLP:GREEN — limited disclosure, recipients can spread this within their community.</summary>
    Green = 1,

    /// <summary>TLP:AMBER — limited disclosure, recipients can share with their organisation and its clients on a need-to-know basis.</summary>
    Amber = 2,

    /// <summary>TLP:AMBER+STRICT (TLP 2.0 only) — limited disclosure, restricted to the recipient's organisation.</summary>
    AmberStrict = 3,

    /// <summary>TLP:RED — for the eyes and ears of individual recipients only, no further disclosure.</summary>
    Red = 4,
}
