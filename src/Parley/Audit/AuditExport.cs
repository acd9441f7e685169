using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Data;

namespace Parley.Audit;

/// The chain as JSON lines, one entry per line with its prev_hash and hash, oldest first.
public static class AuditExport
{
    private const int PageSize = 10_000;

    public static async Task<long> WriteAsync(ParleyDbContext db, DateTime? from, DateTime? to, Stream output, CancellationToken ct)
    {
        var query = await AuditChain.WrittenBetweenAsync(db, db.AuditEntries.AsNoTracking(), from, to, ct);
        long last = 0, count = 0;
        var newline = "\n"u8.ToArray();
        while (true)
        {
            var after = last;
            var page = await query.Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(PageSize).ToListAsync(ct);
            if (page.Count == 0) break;
            foreach (var e in page)
            {
                await using (var json = new Utf8JsonWriter(output))
                    Write(json, e);
                output.Write(newline);
                count++;
            }
            last = page[^1].Sequence;
            await output.FlushAsync(ct);
        }
        return count;
    }

    private static void Write(Utf8JsonWriter json, AuditEntry e)
    {
        json.WriteStartObject();
        json.WriteNumber("seq", e.Sequence);
        json.WriteString("at", AuditHash.Instant(e.At));
        json.WriteString("actor_type", e.ActorType);
        json.WriteString("actor_id", AuditHash.Id(e.ActorId));
        json.WriteString("agency_id", AuditHash.Id(e.AgencyId));
        json.WriteString("party_id", AuditHash.Id(e.PartyId));
        json.WriteString("action", e.Action);
        json.WriteString("subject_type", e.SubjectType);
        json.WriteString("subject_id", e.SubjectId);
        json.WriteString("payload_sha256", e.PayloadDigest);
        json.WriteString("changes", e.Changes);
        json.WriteString("prev_hash", e.PreviousHash);
        json.WriteString("hash", e.Hash);
        json.WriteEndObject();
    }
}
