using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Parley.Tests.Audit;

/// A third party's verifier, written from the README's description of the hash input and nothing of Parley's.
public static class IndependentVerifier
{
    private static readonly string[] Fields =
        ["seq", "at", "actor_type", "actor_id", "agency_id", "party_id", "action", "subject_type", "subject_id", "payload_sha256"];

    public static string Hash(JsonElement line)
    {
        var text = line.GetProperty("prev_hash").GetString() + "\n" + string.Join("\n", Fields.Select(f => line.GetProperty(f) switch
        {
            { ValueKind: JsonValueKind.Number } n => n.GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
            var s => s.GetString(),
        }));
        // An entry that covers several changes lists the others, and only then is the field hashed.
        if (line.TryGetProperty("changes", out var changes) && changes.GetString() is { Length: > 0 } lines) text += "\n" + lines;
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
    }

    /// Null if every line's hash is right and links to the line before; else what is wrong.
    public static string? Check(IReadOnlyList<string> lines)
    {
        string? previous = null;
        long? sequence = null;
        foreach (var text in lines)
        {
            var line = JsonDocument.Parse(text).RootElement;
            var seq = line.GetProperty("seq").GetInt64();
            if (sequence is { } s && seq != s + 1) return $"gap before {seq}";
            if (previous is not null && line.GetProperty("prev_hash").GetString() != previous) return $"prev_hash of {seq}";
            previous = line.GetProperty("hash").GetString();
            if (Hash(line) != previous) return $"hash of {seq}";
            sequence = seq;
        }
        return null;
    }
}
