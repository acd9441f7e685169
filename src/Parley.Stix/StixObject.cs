using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parley.Stix;

/// <summary>
/// One STIX 2.1 object (SDO, SRO, SCO or meta object) kept as the JSON it was received as, with
/// typed accessors for the common properties.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Raw"/> is the source of truth: custom (<c>x_…</c>) properties, properties of newer
/// or extended versions of a type, extensions and the order of properties all survive a
/// parse/serialize round trip, and numbers are written back with the digits they were read with.
/// The accessors read <see cref="Raw"/> on each call and never change it.
/// </para>
/// <para>
/// Parsing checks only that the text is a JSON object; use
/// <see cref="Validation.StixValidator"/> for the STIX rules.
/// </para>
/// <para>
/// Instances are not thread-safe: <see cref="JsonObject"/> materialises its properties lazily, so
/// even concurrent reads of a freshly parsed object must be synchronised or preceded by a
/// <see cref="DeepClone"/> per thread.
/// </para>
/// </remarks>
public sealed class StixObject
{
    private StixObject(JsonObject raw, string? receivedJson = null)
    {
        Raw = raw;
        ReceivedJson = receivedJson;
    }

    /// <summary>The object's JSON. Changes made to it are seen by the accessors.</summary>
    public JsonObject Raw { get; }

    /// <summary>
    /// The object's JSON text as it was read from a bundle, without the whitespace between tokens,
    /// or <see langword="null"/> when the object was not read by <see cref="StixBundleReader"/>. It
    /// means the same as <see cref="Raw"/> as read (strings keep their escapes as sent); changes made to
    /// <see cref="Raw"/> later are not seen here.
    /// </summary>
    public string? ReceivedJson { get; }

    /// <summary>The <c>type</c> property, or an empty string when it is missing or not a string.</summary>
    public string Type => StixJson.GetString(Raw, "type") ?? string.Empty;

    /// <summary>The <c>id</c> property, or an empty string when it is missing or not a string.</summary>
    public string Id => StixJson.GetString(Raw, "id") ?? string.Empty;

    /// <summary>The <c>spec_version</c> property (<c>"2.1"</c>); optional on SCOs.</summary>
    public string? SpecVersion => StixJson.GetString(Raw, "spec_version");

    /// <summary>The <c>created</c> timestamp, or <see langword="null"/> when it is missing or malformed.</summary>
    public StixTimestamp? Created => Timestamp("created");

    /// <summary>The <c>modified</c> timestamp, or <see langword="null"/> when it is missing or malformed.</summary>
    public StixTimestamp? Modified => Timestamp("modified");

    /// <summary>
    /// The version key: <c>modified</c> when present, else <c>created</c> (marking definitions
    /// are not versioned and carry only <c>created</c>), else <see langword="null"/> (SCOs are not versioned).
    /// </summary>
    public StixTimestamp? Version => Modified ?? Created;

    /// <summary>The <c>created_by_ref</c> property: the id of the identity that created the object.</summary>
    public string? CreatedByRef => StixJson.GetString(Raw, "created_by_ref");

    /// <summary>The <c>object_marking_refs</c> property: ids of the marking definitions that apply to the object.</summary>
    public IReadOnlyList<string> ObjectMarkingRefs => StixJson.GetStringList(Raw, "object_marking_refs");

    /// <summary>The <c>revoked</c> property; <see langword="false"/> when absent.</summary>
    public bool Revoked => Raw["revoked"] is JsonValue v && v.TryGetValue<bool>(out var revoked) && revoked;

    /// <summary>The <c>labels</c> property; empty when absent.</summary>
    public IReadOnlyList<string> Labels => StixJson.GetStringList(Raw, "labels");

    /// <summary>The <c>external_references</c> property; empty when absent.</summary>
    public IReadOnlyList<ExternalReference> ExternalReferences =>
        Raw["external_references"] is JsonArray array
            ? [.. array.OfType<JsonObject>().Select(o => new ExternalReference(o))]
            : [];

    /// <summary>The category of the object, which decides the rules it must follow.</summary>
    public StixObjectCategory Category => StixTypes.CategoryOf(Raw);

    /// <summary>The value of any property, or <see langword="null"/> when it is absent.</summary>
    /// <param name="propertyName">The property name, e.g. <c>x_parley_request</c>.</param>
    public JsonNode? this[string propertyName] => Raw[propertyName];

    /// <summary>Parses one object from JSON text.</summary>
    /// <param name="json">The JSON of one STIX object.</param>
    /// <returns>The object.</returns>
    /// <exception cref="StixFormatException">The text is not a well-formed JSON object.</exception>
    public static StixObject Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Parses one object from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The UTF-8 JSON of one STIX object.</param>
    /// <returns>The object.</returns>
    /// <exception cref="StixFormatException">The bytes are not a well-formed JSON object.</exception>
    public static StixObject Parse(ReadOnlySpan<byte> utf8Json) => new(StixJson.ParseObject(utf8Json, "STIX object"));

    /// <summary>Wraps one object read from a bundle, keeping its text.</summary>
    internal static StixObject FromReceived(ReceivedStixObject received) =>
        new(JsonObject.Create(received.Json, StixJson.NodeOptions)!, received.Text);

    /// <summary>Wraps a JSON element that is an object; the element is copied.</summary>
    /// <param name="element">The element.</param>
    /// <returns>The object.</returns>
    /// <exception cref="StixFormatException">The element is not a JSON object.</exception>
    public static StixObject FromJson(JsonElement element) => new(StixJson.JsonObjectFrom(element, "STIX object"));

    /// <summary>Wraps a JSON object without copying it; later changes to it are seen by the accessors.</summary>
    /// <param name="json">The object. It must not already be a child of another node.</param>
    /// <returns>The object.</returns>
    public static StixObject FromJson(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return new StixObject(json);
    }

    /// <summary>Copies the object, so the copy can be changed or handed to another thread.</summary>
    /// <returns>An independent copy.</returns>
    public StixObject DeepClone() => new(Raw.DeepClone().AsObject());

    /// <summary>Writes the object as JSON.</summary>
    /// <param name="writer">The writer.</param>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Raw.WriteTo(writer);
    }

    /// <summary>Serialises the object to JSON text, with its properties in the order they were received.</summary>
    /// <param name="indented">Whether to indent the output.</param>
    /// <returns>The JSON.</returns>
    public string ToJson(bool indented = false) => StixJson.ToJsonString(Raw, indented);

    /// <summary>Returns <c>type</c> and <c>id</c>, for logs and debugging.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"{Type} {Id}";

    private StixTimestamp? Timestamp(string name) =>
        StixTimestamp.TryParse(StixJson.GetString(Raw, name), out var value) ? value : null;
}
