using System.Text.Json.Nodes;

namespace Parley.Stix.Markings;

/// <summary>One official TLP marking definition: its id, level, TLP version and STIX object.</summary>
/// <remarks>Immutable and safe to share between threads; <see cref="ToStixObject"/> returns a fresh copy each call.</remarks>
public sealed class TlpMarking
{
    private readonly string _json;

    internal TlpMarking(string id, TlpLevel level, int tlpVersion, string name, string json)
    {
        Id = id;
        Level = level;
        TlpVersion = tlpVersion;
        Name = name;
        _json = json;
    }

    /// <summary>The marking-definition id, e.g. <c>marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487</c>.</summary>
    public string Id { get; }

    /// <summary>The level the marking stands for.</summary>
    public TlpLevel Level { get; }

    /// <summary>The TLP version: 1 (the markings predefined by STIX 2.1) or 2 (the TLP 2.0 extension).</summary>
    public int TlpVersion { get; }

    /// <summary>The marking's name, e.g. <c>TLP:AMBER+STRICT</c>.</summary>
    public string Name { get; }

    /// <summary>The official marking-definition object, as published.</summary>
    /// <returns>A new copy of the object.</returns>
    public StixObject ToStixObject() => StixObject.FromJson(JsonNode.Parse(_json)!.AsObject());

    /// <summary>Returns <see cref="Name"/>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
