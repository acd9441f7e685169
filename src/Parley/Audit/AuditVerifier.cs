using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Parley.Data;

namespace Parley.Audit;

/// A published head of the chain, `SEQ:HASH`.
public sealed partial record AuditCheckpoint(long Sequence, string Hash)
{
    public override string ToString() => $"{Sequence}:{Hash}";

    public static AuditCheckpoint? TryParse(string text)
    {
        var match = Pattern().Match(text.Trim());
        return match.Success && long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? new AuditCheckpoint(sequence, match.Groups[2].Value.ToLowerInvariant())
            : null;
    }

    [GeneratedRegex("^([0-9]{1,18}):([0-9a-fA-F]{64})$")]
    private static partial Regex Pattern();
}

public sealed record AuditBreak(long Sequence, string Problem);

public sealed record AuditVerification(long Entries, AuditCheckpoint Head, AuditBreak? Break);

/// Walks the whole chain in keyset pages without tracking, so memory stays flat however long it is.
public static class AuditVerifier
{
    private const int PageSize = 10_000;

    public static async Task<AuditVerification> VerifyAsync(ParleyDbContext db, AuditCheckpoint? checkpoint, CancellationToken ct)
    {
        var previous = AuditHash.Genesis;
        long last = 0;
        while (true)
        {
            var after = last;
            var page = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(PageSize).ToListAsync(ct);
            if (page.Count == 0) break;
            foreach (var e in page)
            {
                if (Check(e, last, previous, checkpoint) is { } problem)
                    return new AuditVerification(last, new AuditCheckpoint(last, previous), new AuditBreak(e.Sequence, problem));
                last = e.Sequence;
                previous = e.Hash;
            }
        }
        var head = new AuditCheckpoint(last, previous);
        if (checkpoint is not null && checkpoint.Sequence > last)
            return new AuditVerification(last, head, new AuditBreak(checkpoint.Sequence,
                $"the chain ends at {last}, before the checkpoint {checkpoint}: entries after {last} are missing"));
        return new AuditVerification(last, head, null);
    }

    private static string? Check(AuditEntry e, long last, string previous, AuditCheckpoint? checkpoint)
    {
        if (e.Sequence != last + 1) return $"gap in sequence: expected {last + 1}, found {e.Sequence}";
        if (e.PreviousHash != previous) return $"previous hash {e.PreviousHash} differs from the hash of entry {last}, {previous}";
        var recomputed = AuditHash.Of(e);
        if (recomputed != e.Hash) return $"stored hash {e.Hash} differs from the recomputed {recomputed}";
        if (checkpoint is not null && checkpoint.Sequence == e.Sequence && checkpoint.Hash != e.Hash)
            return $"hash {e.Hash} differs from the checkpoint {checkpoint}";
        return null;
    }
}
