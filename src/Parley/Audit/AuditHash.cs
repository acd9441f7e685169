using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Parley.Audit;

/// The exact bytes that are hashed; README "Audit trail" documents them for independent verifiers.
public static class AuditHash
{
    /// The previous hash of the first entry.
    public static readonly string Genesis = new('0', 64);

    /// hash = SHA-256(previous hash + "\n" + canonical encoding), as lowercase hex.
    public static string Of(AuditEntry e) => Hex(Encoding.UTF8.GetBytes(e.PreviousHash + "\n" + Canonical(e)));

    /// The entry's fields in a fixed order, one per line, without a final line feed.
    public static string Canonical(AuditEntry e) => string.Join('\n',
        e.Sequence.ToString(CultureInfo.InvariantCulture), Instant(e.At), e.ActorType, Id(e.ActorId), Id(e.AgencyId), Id(e.PartyId),
        e.Action, e.SubjectType, e.SubjectId, e.PayloadDigest);

    public static string Instant(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// PostgreSQL keeps microseconds; an instant is cut to them before it is hashed and stored.
    public static DateTime ToMicroseconds(DateTime at) => new(at.Ticks - at.Ticks % 10, DateTimeKind.Utc);

    public static string Id(Guid? id) => id?.ToString("D") ?? "";

    /// SHA-256 of the canonical JSON (System.Text.Json, keys sorted, values as strings) of a payload.
    public static string Digest(IEnumerable<KeyValuePair<string, string?>> payload) =>
        Hex(JsonSerializer.SerializeToUtf8Bytes(new SortedDictionary<string, string?>(payload.ToDictionary(), StringComparer.Ordinal)));

    /// A field may not hold a line feed, which separates fields in the hashed text.
    public static string Field(string value, int maxLength) =>
        (value.Length > maxLength ? value[..maxLength] : value).Replace('\n', ' ').Replace('\r', ' ');

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
