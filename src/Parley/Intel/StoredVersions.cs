using Microsoft.EntityFrameworkCore;
using Parley.Data;

namespace Parley.Intel;

public static class StoredVersions
{
    /// Marks the first and last version of each object again, after versions were added or deleted.
    public static Task RecomputeFlagsAsync(ParleyDbContext db, Guid collectionId, IReadOnlyCollection<string> stixIds, CancellationToken ct) =>
        db.StixObjects.Where(o => o.CollectionId == collectionId && stixIds.Contains(o.StixId))
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.IsLast, o => o.Version == db.StixObjects
                    .Where(x => x.CollectionId == o.CollectionId && x.StixId == o.StixId).Max(x => x.Version))
                .SetProperty(o => o.IsFirst, o => o.Version == db.StixObjects
                    .Where(x => x.CollectionId == o.CollectionId && x.StixId == o.StixId).Min(x => x.Version)), ct);

    /// An instant as a STIX/TAXII timestamp to the microsecond, "2026-01-01T12:00:00.000000Z": date_added, and the
    /// version of an object that has none of its own (an SCO).
    public static string Format(DateTime utc) => string.Create(MicrosecondText.Length + 1, utc, static (text, instant) =>
    {
        MicrosecondText.Write(text, instant, 'T');
        text[^1] = 'Z';
    });
}
