using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parley.Stix;

/// <summary>
/// Deterministic identifiers for STIX cyber-observable objects (STIX 2.1 §2.9): a UUIDv5 in the
/// STIX namespace over the canonical JSON of the object's ID-contributing properties, so that every
/// producer names the same observable the same way.
/// </summary>
/// <remarks>Thread-safe; the class holds no state.</remarks>
public static class ObservableIds
{
    /// <summary>The namespace STIX 2.1 prescribes for SCO identifiers.</summary>
    public static readonly Guid StixNamespace = new("00abedb4-aa42-466c-9c01-fed23315a9b7");

    // Canonical JSON escapes only what JSON requires, not HTML-sensitive or non-ASCII characters.
    private static readonly JsonSerializerOptions CanonicalOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The identifier of an observable of <paramref name="type"/> whose ID-contributing properties are
    /// <paramref name="contributing"/> (for example <c>{"value": "198.51.100.7"}</c> for ipv4-addr, or
    /// <c>{"hashes": {"SHA-256": "…"}}</c> for file).
    /// </summary>
    /// <param name="type">The SCO type, e.g. <c>ipv4-addr</c>.</param>
    /// <param name="contributing">The ID-contributing properties; nested objects are canonicalised too.</param>
    /// <returns>An identifier such as <c>ipv4-addr--…</c>.</returns>
    public static string For(string type, JsonObject contributing) =>
        $"{type}--{UuidV5(StixNamespace, Canonical(contributing))}";

    /// <summary>RFC 8785-style canonical form for objects of strings, numbers and nested objects: keys sorted by code unit, no white space.</summary>
    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => "{" + string.Join(",", obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{JsonValue.Create(p.Key).ToJsonString(CanonicalOptions)}:{Canonical(p.Value)}")) + "}",
        JsonArray array => "[" + string.Join(",", array.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(CanonicalOptions),
    };

    /// <summary>
    /// A name-based (version 5, SHA-1) UUID per RFC 4122: the way to give an object a stable STIX id
    /// derived from an identifier of another kind (STIX ids must be UUID versions 1–5).
    /// </summary>
    /// <param name="ns">The namespace UUID.</param>
    /// <param name="name">The name within that namespace.</param>
    /// <returns>The UUID.</returns>
    public static Guid UuidV5(Guid ns, string name)
    {
        var nsBytes = ns.ToByteArray(bigEndian: true);
        var hash = SHA1.HashData([.. nsBytes, .. Encoding.UTF8.GetBytes(name)]);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
