using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Parley.Audit;

/// The exact bytes that are hashed; README "Audit trail" documents them for independent verifiers.
/// Every entry of every save is hashed here, and `audit verify` hashes the whole chain again, so the
/// bytes are written straight into a buffer and hashed there rather than built up as strings.
public static class AuditHash
{
    /// The previous hash of the first entry.
    public static readonly string Genesis = new('0', 64);

    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";
    private const int StackLimit = 1024;
    private const int MaxKeptBuffer = 64 * 1024;

    [ThreadStatic] private static ArrayBufferWriter<byte>? _json;
    [ThreadStatic] private static Utf8JsonWriter? _writer;

    /// hash = SHA-256(previous hash + "\n" + canonical encoding), as lowercase hex.
    public static string Of(AuditEntry e) => Of(e.PreviousHash, e.Sequence, e.At, e.ActorType, e.ActorId, e.AgencyId, e.PartyId,
        e.Action, e.SubjectType, e.SubjectId, e.PayloadDigest, e.Changes);

    public static string Of(string previousHash, long sequence, DateTime at, string actorType, Guid? actorId, Guid? agencyId, Guid? partyId,
        string action, string subjectType, string subjectId, string payloadDigest, string changes)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        Compute(previousHash, sequence, at, actorType, actorId, agencyId, partyId, action, subjectType, subjectId, payloadDigest, changes, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// The digest of an entry that covers several changes: SHA-256 of their digests, lead first, joined by line feeds.
    public static string Combined(IReadOnlyList<string> digests)
    {
        if (digests.Count == 1) return digests[0];
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.ASCII.GetBytes(string.Join('\n', digests)), hash);
        return Convert.ToHexStringLower(hash);
    }

    /// Whether the fields hash to <paramref name="storedHash"/>, without building the hex string.
    public static bool Matches(string storedHash, string previousHash, long sequence, DateTime at, string actorType, Guid? actorId, Guid? agencyId,
        Guid? partyId, string action, string subjectType, string subjectId, string payloadDigest, string changes)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        Compute(previousHash, sequence, at, actorType, actorId, agencyId, partyId, action, subjectType, subjectId, payloadDigest, changes, hash);
        Span<char> hex = stackalloc char[SHA256.HashSizeInBytes * 2];
        Convert.TryToHexStringLower(hash, hex, out _);
        return storedHash.AsSpan().SequenceEqual(hex);
    }

    public static string Instant(DateTime at) => at.ToString(InstantFormat, CultureInfo.InvariantCulture);

    /// PostgreSQL keeps microseconds; an instant is cut to them before it is hashed and stored.
    public static DateTime ToMicroseconds(DateTime at) => new(at.Ticks - at.Ticks % 10, DateTimeKind.Utc);

    public static string Id(Guid? id) => id?.ToString("D") ?? "";

    /// SHA-256 of the canonical JSON (System.Text.Json, keys sorted, values as strings) of a payload:
    /// the bytes JsonSerializer writes for a SortedDictionary with the ordinal comparer, written by hand.
    public static string Digest(IEnumerable<KeyValuePair<string, string?>> payload)
    {
        var pairs = payload.ToArray();
        Array.Sort(pairs, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        for (var i = 1; i < pairs.Length; i++)
            if (pairs[i].Key == pairs[i - 1].Key) throw new ArgumentException($"The payload names {pairs[i].Key} twice.", nameof(payload));
        return DigestOrdered(pairs);
    }

    /// <see cref="Digest"/> of pairs already in ordinal order of their keys, each key once.
    public static string DigestOrdered(ReadOnlySpan<KeyValuePair<string, string?>> pairs)
    {
        var buffer = _json ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var json = _writer ??= new Utf8JsonWriter(buffer);
        json.Reset(buffer);
        json.WriteStartObject();
        foreach (var (key, value) in pairs) json.WriteString(key, value);
        json.WriteEndObject();
        json.Flush();
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, hash);
        // A large payload (a STIX object) should not keep its buffer alive on this thread.
        if (buffer.Capacity > MaxKeptBuffer) (_json, _writer) = (null, null);
        return Convert.ToHexStringLower(hash);
    }

    public static string DigestOrdered(List<KeyValuePair<string, string?>> pairs) => DigestOrdered(CollectionsMarshal.AsSpan(pairs));

    /// A field may not hold a line feed, which separates fields in the hashed text.
    public static string Field(string value, int maxLength) =>
        (value.Length > maxLength ? value[..maxLength] : value).Replace('\n', ' ').Replace('\r', ' ');

    private static void Compute(string previousHash, long sequence, DateTime at, string actorType, Guid? actorId, Guid? agencyId, Guid? partyId,
        string action, string subjectType, string subjectId, string payloadDigest, string changes, Span<byte> hash)
    {
        // 20 digits, 27 for the instant, 36 per id, 11 line feeds; the strings at most 3 bytes per UTF-16 unit.
        var max = 20 + 27 + 3 * 36 + 11 + 3 * (previousHash.Length + actorType.Length + action.Length + subjectType.Length + subjectId.Length
            + payloadDigest.Length + changes.Length);
        byte[]? rented = null;
        Span<byte> buffer = max <= StackLimit ? stackalloc byte[StackLimit] : rented = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            var n = Text(previousHash, buffer);
            buffer[n++] = (byte)'\n';
            sequence.TryFormat(buffer[n..], out var written, default, CultureInfo.InvariantCulture);
            n += written;
            buffer[n++] = (byte)'\n';
            at.TryFormat(buffer[n..], out written, InstantFormat, CultureInfo.InvariantCulture);
            n += written;
            buffer[n++] = (byte)'\n';
            n += Text(actorType, buffer[n..]);
            foreach (var id in (ReadOnlySpan<Guid?>)[actorId, agencyId, partyId])
            {
                buffer[n++] = (byte)'\n';
                if (id is { } value)
                {
                    value.TryFormat(buffer[n..], out written, "D");
                    n += written;
                }
            }
            foreach (var text in (ReadOnlySpan<string>)[action, subjectType, subjectId, payloadDigest])
            {
                buffer[n++] = (byte)'\n';
                n += Text(text, buffer[n..]);
            }
            // Only an entry with more than one change has the field, so entries written before it keep their hashes.
            if (changes.Length > 0)
            {
                buffer[n++] = (byte)'\n';
                n += Text(changes, buffer[n..]);
            }
            SHA256.HashData(buffer[..n], hash);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static int Text(string value, Span<byte> destination) => Encoding.UTF8.GetBytes(value, destination);
}
