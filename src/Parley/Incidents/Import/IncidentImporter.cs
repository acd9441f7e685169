using Microsoft.EntityFrameworkCore;
using Parley.Audit;
using Parley.Data;

namespace Parley.Incidents.Import;

public sealed record ImportProblem(string Where, string Message);

/// <paramref name="Merged"/>: rows whose stable key matched an incident already in the register or
/// earlier in the file; they add what they know and create nothing.
public sealed record ImportSummary(int Rows, int Imported, int Merged, int Rejected,
    IReadOnlyList<ImportProblem> Rejections, IReadOnlyList<ImportProblem> Warnings, IReadOnlyList<string> IgnoredColumns);

/// Streams rows into the register in batches: each batch looks its keys up once, merges rows that
/// are already there, inserts the rest and is saved on its own, so memory stays flat on big files.
public sealed class IncidentImporter(ParleyDbContext db, TimeProvider time)
{
    public const int BatchSize = 1000;
    private readonly IncidentInserts _inserts = new(db);

    public async Task<ImportSummary> ImportAsync(IAsyncEnumerable<ImportRow> rows, IReadOnlyList<string> ignoredColumns, CancellationToken ct)
    {
        int count = 0, imported = 0, merged = 0;
        var rejections = new List<ImportProblem>();
        var warnings = new List<ImportProblem>();
        var batch = new List<(string Where, IncidentDraft Draft)>(BatchSize);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        async Task FlushAsync()
        {
            var (added, matched) = await SaveBatchAsync(batch, ct);
            imported += added;
            merged += matched;
            batch.Clear();
        }

        await foreach (var row in rows.WithCancellation(ct))
        {
            count++;
            if (row.Input is null)
            {
                rejections.Add(new ImportProblem(row.Where, row.Error ?? "unreadable"));
                continue;
            }
            var result = IncidentReader.Read(row.Input, unknownActorIsError: false);
            if (result.Draft is null)
            {
                rejections.Add(new ImportProblem(row.Where, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))));
                continue;
            }
            warnings.AddRange(result.Warnings.Select(w => new ImportProblem(row.Where, w)));
            batch.Add((row.Where, result.Draft));
            if (batch.Count >= BatchSize) await FlushAsync();
        }
        if (batch.Count > 0) await FlushAsync();
        return new ImportSummary(count, imported, merged, rejections.Count, rejections, warnings, ignoredColumns);
    }

    private async Task<(int Added, int Merged)> SaveBatchAsync(List<(string Where, IncidentDraft Draft)> batch, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var keys = batch.Select(b => IncidentWriter.KeyOf(b.Draft)).Distinct().ToList();
        var existing = await IncidentsApi.Load(db.Incidents).Where(i => keys.Contains(i.Key)).ToDictionaryAsync(i => i.Key, ct);
        int added = 0, merged = 0;
        var fresh = new HashSet<Incident>(ReferenceEqualityComparer.Instance);
        foreach (var (_, draft) in batch)
        {
            var key = IncidentWriter.KeyOf(draft);
            if (existing.TryGetValue(key, out var incident))
            {
                merged++;
                var facets = incident.Facets.Count;
                var sources = incident.Sources.Count;
                // A row merging into an incident new in this batch only changes what will be inserted.
                if (IncidentWriter.Merge(incident, draft, now) && !fresh.Contains(incident))
                {
                    // Change tracking is off for speed: mark what a merge can change.
                    if (db.Entry(incident).State == EntityState.Unchanged) db.Entry(incident).State = EntityState.Modified;
                    foreach (var f in incident.Facets.Skip(facets)) if (db.Entry(f).State == EntityState.Detached) db.Add(f);
                    foreach (var s in incident.Sources.Skip(sources)) if (db.Entry(s).State == EntityState.Detached) db.Add(s);
                }
                continue;
            }
            incident = IncidentWriter.Create(draft, now);
            existing[key] = incident;
            fresh.Add(incident);
            added++;
        }
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await _inserts.AddAsync(db, fresh.ToList(), ct);
            // The new incidents go in by raw SQL, out of the change tracker's sight: one entry per batch names them.
            if (fresh.Count > 0)
                db.Audit.Record("incident.import", "Incident", fresh.First().Id.ToString(), new Dictionary<string, string?>
                {
                    ["count"] = fresh.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["ids"] = string.Join(' ', fresh.Select(i => i.Id)),
                });
            await db.SaveAndCommitAsync(tx, ct);
        }
        db.ChangeTracker.Clear();
        return (added, merged);
    }
}
