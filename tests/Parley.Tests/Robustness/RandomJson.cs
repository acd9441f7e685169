using System.Text.Json;
using CsCheck;

namespace Parley.Tests.Robustness;

/// CsCheck generators of JSON text: random documents built from the field names Parley's bodies use,
/// and valid bodies mutated (a field removed, retyped, made huge, nested, or set to null).
public static class RandomJson
{
    private static readonly string[] Fields =
    [
        "toParty", "toAgency", "kind", "priority", "subject", "narrative", "activityStart", "activityEnd", "sector", "victims",
        "tlp", "legalBasis", "indicators", "type", "value", "hashAlgorithm", "draft", "message", "reason", "title", "firstSeen",
        "lastSeen", "sponsors", "victimCountries", "categories", "sectors", "intrusionSets", "confidence", "sources", "requestIds",
        "url", "events", "agencyId", "secret", "mechanism", "escalationId", "calls", "party", "user", "contactId", "outcome", "note",
        "answerWithin", "every", "nextRunAt", "startsAt", "endsAt", "code", "name", "timeZone", "completeness", "relevance",
        "actionability", "comment", "levels", "notify", "acknowledgeWithin", "userName", "password", "roles", "days", "objects", "id",
    ];

    private static readonly string[] Plausible =
    [
        "US", "CN", "GB", "US-CN", "FBI", "MPS", "high", "urgent", "routine", "information", "amber", "red", "clear", "ipv4", "domain",
        "2026-03-02T14:00:00Z", "2026-03-02T08:00", "2015-09", "02:00:00", "30.00:00:00", "https://hooks.test/x", "*", "resolved",
    ];

    private static readonly Gen<string> Leaf = Gen.Frequency(
        (2, Gen.Const("null")),
        (1, Gen.Bool.Select(b => b ? "true" : "false")),
        (2, Gen.Long.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.Double.Where(double.IsFinite).Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture))),
        (3, Gen.String.Select(s => JsonSerializer.Serialize(s))),
        (3, Gen.OneOf(Plausible).Select(s => JsonSerializer.Serialize(s))),
        (1, Gen.Int[1_000, 60_000].Select(n => JsonSerializer.Serialize(new string('长', n)))),
        (1, Gen.OneOf("\"\\u0000\"", "\"\\ud800\"", "1e400", "-0", "\"\"", "[]", "{}")));

    public static readonly Gen<string> Document = Gen.Recursive<string>((depth, json) => depth >= 4
        ? Leaf
        : Gen.Frequency(
            (3, Leaf),
            (1, json.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")),
            (3, Gen.Select(Gen.OneOf(Fields), json).Array[0, 8]
                .Select(pairs => "{" + string.Join(",", pairs.Select(p => JsonSerializer.Serialize(p.Item1) + ":" + p.Item2)) + "}"))));

    /// A valid body with one field removed, replaced by random JSON, or wrapped a hundred arrays deep.
    public static Gen<string> Mutated(IReadOnlyList<string> validBodies) =>
        Gen.Select(Gen.Int[0, validBodies.Count - 1], Gen.Int[0, 63], Gen.Int[0, 3], Document)
            .Select(t => Mutate(validBodies[t.Item1], t.Item2, t.Item3, t.Item4));

    private const string Placeholder = "@@replacement@@";

    private static string Mutate(string body, int fieldIndex, int how, string replacement)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(body)!.AsObject();
        if (node.Count == 0) return replacement;
        var field = node.ElementAt(fieldIndex % node.Count).Key;
        switch (how)
        {
            case 0: node.Remove(field); break;
            // Spliced in as text: the replacement may hold what a JsonNode cannot (a lone surrogate escape).
            case 1: node[field] = Placeholder; return node.ToJsonString().Replace($"\"{Placeholder}\"", replacement);
            case 2: node[field] = null; break;
            default:
                return node.ToJsonString().Replace($"\"{field}\":", $"\"{field}\":{new string('[', 100)}") + new string(']', 100);
        }
        return node.ToJsonString();
    }
}
