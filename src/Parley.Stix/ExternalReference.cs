using System.Text.Json.Nodes;

namespace Parley.Stix;

/// <summary>
/// A read-only view of one entry of <c>external_references</c>: a pointer to information outside
/// STIX (a CVE, a CAPEC entry, a report URL, an ATT&amp;CK technique id, …).
/// </summary>
/// <remarks>
/// The view reads the underlying <see cref="JsonObject"/>, which stays the source of truth; custom
/// properties of the reference are in <see cref="Raw"/>. Not safe for use while another thread
/// changes the object.
/// </remarks>
public sealed class ExternalReference
{
    internal ExternalReference(JsonObject raw) => Raw = raw;

    /// <summary>The JSON of the reference, including any properties this view does not name.</summary>
    public JsonObject Raw { get; }

    /// <summary>The source (system, registry, organisation) the reference is defined in, e.g. <c>cve</c> or <c>mitre-attack</c>.</summary>
    public string? SourceName => StixJson.GetString(Raw, "source_name");

    /// <summary>A human-readable description.</summary>
    public string? Description => StixJson.GetString(Raw, "description");

    /// <summary>A URL to the external resource.</summary>
    public string? Url => StixJson.GetString(Raw, "url");

    /// <summary>An identifier in the source, e.g. <c>CVE-2016-1234</c> or <c>G0006</c>.</summary>
    public string? ExternalId => StixJson.GetString(Raw, "external_id");
}
