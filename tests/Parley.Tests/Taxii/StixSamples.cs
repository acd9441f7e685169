using System.Text.Json.Nodes;

namespace Parley.Tests.Taxii;

/// STIX objects written by hand, as a CTI platform would send them.
public static class StixSamples
{
    public const string TlpRed = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
    public const string TlpAmberStrict = "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003";
    public const string TlpAmber = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
    public const string TlpGreen = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
    public const string TlpV1Red = "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed";

    public static string NewId(string type) => $"{type}--{Guid.NewGuid()}";

    public static JsonObject Indicator(string? id = null, string created = "2026-01-05T10:00:00.000Z", string? modified = null,
        string? marking = null, string pattern = "[ipv4-addr:value = '203.0.113.7']")
    {
        var o = new JsonObject
        {
            ["type"] = "indicator", ["spec_version"] = "2.1", ["id"] = id ?? NewId("indicator"),
            ["created"] = created, ["modified"] = modified ?? created,
            ["name"] = "C2 server", ["pattern"] = pattern, ["pattern_type"] = "stix", ["valid_from"] = created,
            ["x_parley_note"] = "custom property kept as sent",
        };
        if (marking is not null) o["object_marking_refs"] = new JsonArray(marking);
        return o;
    }

    public static JsonObject IntrusionSet(string name, string? marking = null)
    {
        var o = new JsonObject
        {
            ["type"] = "intrusion-set", ["spec_version"] = "2.1", ["id"] = NewId("intrusion-set"),
            ["created"] = "2026-01-02T00:00:00.000Z", ["modified"] = "2026-01-02T00:00:00.000Z", ["name"] = name,
        };
        if (marking is not null) o["object_marking_refs"] = new JsonArray(marking);
        return o;
    }

    public static JsonObject Ipv4(string value) => new()
    {
        ["type"] = "ipv4-addr", ["spec_version"] = "2.1", ["id"] = Parley.Stix.ObservableIds.For("ipv4-addr", new JsonObject { ["value"] = value }), ["value"] = value,
    };

    public static JsonObject Envelope(IEnumerable<JsonNode?> objects) => new() { ["objects"] = new JsonArray(objects.Select(o => o?.DeepClone()).ToArray()) };

    public static string Bundle(IEnumerable<JsonObject> objects) => new JsonObject
    {
        ["type"] = "bundle", ["id"] = NewId("bundle"), ["objects"] = new JsonArray(objects.Select(o => (JsonNode)o.DeepClone()).ToArray()),
    }.ToJsonString();
}
