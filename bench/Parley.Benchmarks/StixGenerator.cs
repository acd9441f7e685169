using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parley.Benchmarks;

/// Plausible STIX traffic: per group of four, an indicator (TLP:GREEN or AMBER), the IPv4 SCO it
/// is about, an intrusion set mention every so often and a relationship; ids are deterministic.
public static class StixGenerator
{
    private const string Green = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
    private const string Amber = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";

    public static JsonObject Object(int i)
    {
        var n = i / 4;
        var ip = $"10.{n / 65536 % 256}.{n / 256 % 256}.{n % 256}";
        var stamp = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(n).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
        return (i % 4) switch
        {
            0 => new JsonObject
            {
                ["type"] = "indicator", ["spec_version"] = "2.1", ["id"] = Id("indicator", n), ["created"] = stamp, ["modified"] = stamp,
                ["name"] = $"C2 server {ip}", ["description"] = "Command-and-control server observed in an intrusion against a US steel producer.",
                ["indicator_types"] = new JsonArray("malicious-activity"), ["pattern"] = $"[ipv4-addr:value = '{ip}']",
                ["pattern_type"] = "stix", ["valid_from"] = stamp, ["object_marking_refs"] = new JsonArray(n % 3 == 0 ? Amber : Green),
            },
            1 => new JsonObject { ["type"] = "ipv4-addr", ["spec_version"] = "2.1", ["id"] = Id("ipv4-addr", n), ["value"] = ip },
            2 => new JsonObject
            {
                ["type"] = "intrusion-set", ["spec_version"] = "2.1", ["id"] = Id("intrusion-set", n), ["created"] = stamp, ["modified"] = stamp,
                ["name"] = $"Cluster {n}", ["aliases"] = new JsonArray($"UNC{n}"), ["object_marking_refs"] = new JsonArray(Green),
            },
            _ => new JsonObject
            {
                ["type"] = "relationship", ["spec_version"] = "2.1", ["id"] = Id("relationship", n), ["created"] = stamp, ["modified"] = stamp,
                ["relationship_type"] = "indicates", ["source_ref"] = Id("indicator", n), ["target_ref"] = Id("intrusion-set", n),
                ["object_marking_refs"] = new JsonArray(Green),
            },
        };
    }

    public static async IAsyncEnumerable<JsonNode?> Objects(int count)
    {
        for (var i = 0; i < count; i++) yield return Object(i);
        await Task.CompletedTask;
    }

    /// Writes a bundle of <paramref name="count"/> objects to a file, streaming: objects number
    /// <paramref name="first"/> onwards, so that bundles with different firsts do not share ids.
    public static async Task WriteBundleAsync(string path, int count, int first = 0)
    {
        await using var file = File.Create(path);
        await using var writer = new Utf8JsonWriter(file);
        writer.WriteStartObject();
        writer.WriteString("type", "bundle");
        writer.WriteString("id", Id("bundle", first + count));
        writer.WriteStartArray("objects");
        for (var i = 0; i < count; i++)
        {
            Object(first + i).WriteTo(writer);
            if (writer.BytesPending > 64 * 1024) await writer.FlushAsync();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string Id(string type, int n) => $"{type}--{Parley.Stix.ObservableIds.UuidV5(Parley.Stix.ObservableIds.StixNamespace, $"bench:{type}:{n}")}";
}
