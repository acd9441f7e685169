using System.Security.Cryptography;
using System.Text.Json;
using Parley.Audit;

namespace Parley.Tests.Audit;

/// The hash and the payload digest are written byte by byte for speed; a third party computes them
/// from the README's description with ordinary string and JSON code, and must get the same answer.
public sealed class AuditHashTests
{
    [Theory]
    [InlineData("Request", "0193f1c2-7a4e-7000-8000-000000000001", true, "")]
    [InlineData("Request", "0193f1c2-7a4e-7000-8000-000000000001", true, "RequestEvent.added RequestEvent:5\nRequestDeadline.modified RequestDeadline:7")]
    // 200 characters of three UTF-8 bytes each: more than fits the stack buffer.
    [InlineData("Incident", "北", false, "")]
    public void Hash_IsWhatAnIndependentVerifierComputesFromTheExport(string subjectType, string subjectUnit, bool withActor, string changes)
    {
        var subjectId = subjectUnit.Length == 1 ? new string(subjectUnit[0], 200) : subjectUnit;
        var entry = new AuditEntry
        {
            Sequence = 1_234_567, At = new DateTime(2026, 3, 2, 14, 5, 6, DateTimeKind.Utc).AddTicks(1_234_560), ActorType = withActor ? "token" : "system",
            ActorId = withActor ? Guid.NewGuid() : null, AgencyId = withActor ? Guid.NewGuid() : null, PartyId = withActor ? Guid.NewGuid() : null,
            Action = $"{subjectType}.modified", SubjectType = subjectType, SubjectId = subjectId,
            PayloadDigest = new string('a', 64), Changes = changes, PreviousHash = new string('f', 64),
        };
        var exported = JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["seq"] = entry.Sequence, ["at"] = "2026-03-02T14:05:06.123456Z", ["actor_type"] = entry.ActorType,
            ["actor_id"] = entry.ActorId?.ToString() ?? "", ["agency_id"] = entry.AgencyId?.ToString() ?? "", ["party_id"] = entry.PartyId?.ToString() ?? "",
            ["action"] = entry.Action, ["subject_type"] = entry.SubjectType, ["subject_id"] = entry.SubjectId,
            ["payload_sha256"] = entry.PayloadDigest, ["changes"] = entry.Changes, ["prev_hash"] = entry.PreviousHash,
        });

        var hash = AuditHash.Of(entry);

        Assert.Equal(IndependentVerifier.Hash(exported), hash);
        Assert.True(AuditHash.Matches(hash, entry.PreviousHash, entry.Sequence, entry.At, entry.ActorType, entry.ActorId, entry.AgencyId, entry.PartyId,
            entry.Action, entry.SubjectType, entry.SubjectId, entry.PayloadDigest, entry.Changes));
        Assert.False(AuditHash.Matches(hash, entry.PreviousHash, entry.Sequence + 1, entry.At, entry.ActorType, entry.ActorId, entry.AgencyId, entry.PartyId,
            entry.Action, entry.SubjectType, entry.SubjectId, entry.PayloadDigest, entry.Changes));
    }

    [Fact]
    public void CombinedDigest_OfOneChange_IsItsOwn_OfSeveral_TheSha256OfTheLines()
    {
        var (a, b) = (new string('a', 64), new string('b', 64));
        Assert.Equal(a, AuditHash.Combined([a]));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(a + "\n" + b))), AuditHash.Combined([a, b]));
    }

    [Fact]
    public void Digest_IsTheSha256OfTheJsonSerializerOutput_WithKeysInOrdinalOrder()
    {
        var payload = new Dictionary<string, string?>
        {
            ["zeta"] = "last", ["Alpha"] = "<b>&'\"\\", ["$state"] = "modified", ["名前"] = "北京 \u2028 line\nbreak\ttab", ["none"] = null, ["a"] = "",
            ["narrative"] = new string('x', 100_000),
        };
        var sorted = new SortedDictionary<string, string?>(payload, StringComparer.Ordinal);
        var expected = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(sorted)));

        Assert.Equal(expected, AuditHash.Digest(payload));
        // Again on the same thread, after the large payload: the reused buffer holds nothing of the last one.
        payload.Remove("narrative");
        sorted.Remove("narrative");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(sorted))), AuditHash.Digest(payload));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("{}"u8)), AuditHash.Digest([]));
    }
}
