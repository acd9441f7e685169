using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Stix;

namespace Parley.Intel;

/// Streams what a reader may see of a mechanism (or one of its collections) as a STIX bundle.
public static class StixExport
{
    public static IQueryable<StoredObject> Readable(ParleyDbContext db, Guid mechanismId, Guid? collectionId, TlpAccess.Reader reader)
    {
        var rows = db.StixObjects.AsNoTracking().Where(o => o.MechanismId == mechanismId);
        if (collectionId is { } c) rows = rows.Where(o => o.CollectionId == c);
        return rows.Where(TlpAccess.Readable(reader)).OrderBy(o => o.Seq);
    }

    /// Writes every version once (an object shared in two collections appears once); returns the count.
    public static async Task<long> WriteAsync(IQueryable<StoredObject> rows, Stream output, CancellationToken ct)
    {
        await using var writer = new StixBundleWriter(output);
        var seen = new HashSet<(string, DateTime)>();
        await foreach (var row in rows.Select(o => new { o.StixId, o.Version, o.Json }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!seen.Add((row.StixId, row.Version))) continue;
            await writer.WriteObjectAsync(StixObject.Parse(row.Json), ct);
        }
        await writer.CompleteAsync(ct);
        return writer.Count;
    }
}
