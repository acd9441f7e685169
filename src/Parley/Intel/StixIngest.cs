using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Incidents.Import;
using Parley.Stix;
using Parley.Stix.Markings;
using Parley.Stix.Validation;
using Parley.Audit;

namespace Parley.Intel;

/// Validates incoming STIX objects one by one and stores the valid ones in batches, all in one
/// transaction: a bundle that turns out to be malformed half-way leaves nothing behind.
/// Invalid objects are reported with their position and do not stop the others.
/// Reading and validating run on one task and writing on another, a few batches apart, so that
/// both cores work.
/// <paramref name="changes"/>, when given, hears of each committed ingest that stored something; every such ingest
/// is also counted in the database, for other processes.
public sealed class StixIngest(ParleyDbContext db, DateAddedClock clock, CollectionChanges? changes = null)
{
    private const int BatchSize = 1000;
    // Batches read ahead of the writer: enough to keep it busy, few enough to keep memory bounded.
    private const int BatchesAhead = 4;
    // SQLite's page cache during the import: enough for the indexes of a few hundred thousand objects.
    private const int CacheMegabytes = 64;
    // One ingest at a time per process keeps the first/last version flags consistent.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    private BulkInsert<StoredObject>? _inserts;
    private HeldVersions? _held;

    // What the writer needs of an object, read from its JSON once, when it is prepared.
    private sealed record Pending(int Index, string Id, string Type, string? SpecVersion, JsonElement Object, string Json, StixTimestamp? Version, TlpLevel? Tlp, List<string> Markings);

    /// The valid objects of a batch and, in bundle order, the refusals found while validating them.
    private sealed class Batch
    {
        public List<Pending> Objects { get; } = new(BatchSize);
        public List<IngestFailure> Failures { get; } = [];
    }

    public Task<IngestResult> IngestAsync(IAsyncEnumerable<JsonNode?> items, IngestTarget target, bool keepSuccesses, CancellationToken ct,
        StixIncidents? incidents = null) =>
        IngestAsync(items.Select(IncomingObject.From), target, keepSuccesses, ct, incidents);

    /// <paramref name="incidents"/>, when given, sees every object accepted, for the incident register.
    public async Task<IngestResult> IngestAsync(IAsyncEnumerable<IncomingObject> items, IngestTarget target, bool keepSuccesses, CancellationToken ct,
        StixIncidents? incidents = null)
    {
        var result = new IngestResult();
        var known = new HashSet<string>(StringComparer.Ordinal);
        await Gate.WaitAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await using var cache = await SqliteCacheSize.EnlargeAsync(db, CacheMegabytes, ct);
            await using var held = _held = await HeldVersions.OpenAsync(db, target.Collection.Id, ct);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var batches = Channel.CreateBounded<Batch>(new BoundedChannelOptions(BatchesAhead) { SingleReader = true, SingleWriter = true });
            var reading = Task.Run(() => ReadAsync(items, batches.Writer, stop.Token), stop.Token);
            try
            {
                var analyzeAt = FirstAnalyze;
                var reVersioned = false;
                await foreach (var batch in batches.Reader.ReadAllAsync(ct))
                {
                    if (reVersioned && result.Stored >= analyzeAt && db.Database.IsNpgsql())
                    {
                        // PostgreSQL plans the first/last flags' update for objects given a new version from
                        // statistics that do not know the rows this import added: it then scanned the whole
                        // collection for each batch (0.3 s per batch at 500,000 rows) instead of probing the
                        // unique index. ANALYZE in the import's own transaction counts them; doubling the
                        // threshold keeps it to a few runs. Only before a batch that follows: once the last batch
                        // is in, it would help nothing.
                        await db.Database.ExecuteSqlRawAsync("ANALYZE \"StixObjects\"", ct);
                        analyzeAt *= 2;
                    }
                    result.Failures.AddRange(batch.Failures);
                    reVersioned |= await FlushAsync(batch.Objects, target, known, result, keepSuccesses, incidents, ct);
                }
                result.Total = await reading;
            }
            finally
            {
                // The writer failed: stop the reader, and wait for it so nothing outlives the ingest.
                await stop.CancelAsync();
                await Task.WhenAny(reading);
            }
            // The objects go in by raw SQL, out of the change tracker's sight: one entry covers the import.
            db.Audit.Record("stix.import", "Collection", target.Collection.Id.ToString(), new Dictionary<string, string?>
            {
                ["total"] = result.Total.ToString(), ["stored"] = result.Stored.ToString(),
                ["duplicates"] = result.Duplicates.ToString(), ["failed"] = result.Failures.Count.ToString(),
            });
            if (result.Stored > 0) await CollectionChanges.CountAsync(db, target.Collection.Id, ct);
            await db.SaveAndCommitAsync(tx, ct);
        }
        finally
        {
            Gate.Release();
        }
        if (result.Stored > 0) changes?.Announce(target.Collection.Id);
        return result;
    }

    private const int FirstAnalyze = 50_000;

    public static async IAsyncEnumerable<IncomingObject> FromBundle(StixBundleReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var received in reader.ReadReceivedAsync(ct)) yield return IncomingObject.From(received);
    }

    /// Parses and validates into batches; returns the number of objects read. A malformed bundle ends
    /// the channel with its exception, which the writer then throws.
    private static async Task<int> ReadAsync(IAsyncEnumerable<IncomingObject> items, ChannelWriter<Batch> batches, CancellationToken ct)
    {
        var total = 0;
        try
        {
            var batch = new Batch();
            await foreach (var item in items.WithCancellation(ct))
            {
                if (Prepare(item, total++, batch.Failures) is { } pending) batch.Objects.Add(pending);
                if (batch.Objects.Count < BatchSize) continue;
                await batches.WriteAsync(batch, ct);
                batch = new Batch();
            }
            await batches.WriteAsync(batch, ct);
            batches.Complete();
            return total;
        }
        catch (Exception e)
        {
            batches.Complete(e);
            throw;
        }
    }

    // Per object: compiled optimized at once, as the validator (see StixValidator's remarks).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Pending? Prepare(IncomingObject item, int index, List<IngestFailure> failures)
    {
        var json = item.Json;
        if (json.ValueKind != JsonValueKind.Object)
        {
            failures.Add(new IngestFailure(index, null, null, $"objects[{index}] is not a JSON object."));
            return null;
        }
        var errors = StixValidator.Validate(json);
        var version = Timestamp(json, "modified") ?? Timestamp(json, "created");
        if (errors.Count > 0)
        {
            var message = string.Join("; ", errors.Take(5).Select(e => e.ToString())) + (errors.Count > 5 ? $"; and {errors.Count - 5} more" : "");
            failures.Add(new IngestFailure(index, StixJson.GetString(json, "id"), version?.Text, message));
            return null;
        }
        var markings = MarkingRefs(json);
        return new Pending(index, StixJson.GetString(json, "id")!, StixJson.GetString(json, "type")!, StixJson.GetString(json, "spec_version"), json, item.ReceivedJson ?? json.GetRawText(),
            version, Tlp.MostRestrictive(markings), markings);
    }

    /// Stores a batch; returns whether it gave objects held before a new version.
    private async Task<bool> FlushAsync(List<Pending> batch, IngestTarget target, HashSet<string> known, IngestResult result, bool keepSuccesses, StixIncidents? incidents, CancellationToken ct)
    {
        if (batch.Count == 0) return false;
        var collection = target.Collection;
        foreach (var p in batch.Where(p => p.Type == "marking-definition")) known.Add(p.Id);
        var unknown = batch.SelectMany(p => p.Markings).Where(m => Tlp.Find(m) is null && !known.Contains(m)).Distinct().ToList();
        if (unknown.Count > 0)
            known.UnionWith(await db.StixObjects.Where(o => o.Type == "marking-definition" && o.MechanismId == collection.Mechanism.Id && unknown.Contains(o.StixId))
                .Select(o => o.StixId).Distinct().ToListAsync(ct));

        var ids = batch.Select(p => p.Id).Distinct().ToList();
        var existing = await _held!.FindAsync(ids, ct);

        var rows = new List<StoredObject>(batch.Count);
        var added = new Dictionary<string, HashSet<DateTime>>(StringComparer.Ordinal);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in batch)
        {
            var id = p.Id;
            if (p.Markings.FirstOrDefault(m => Tlp.Find(m) is null && !known.Contains(m)) is { } missing)
            {
                result.Failures.Add(new IngestFailure(p.Index, id, p.Version?.Text, $"$.object_marking_refs: unknown marking definition '{missing}'; send it before the objects it marks."));
                continue;
            }
            incidents?.Observe(p.Index, p.Object);
            var held = existing.GetValueOrDefault(id);
            var mine = added.GetValueOrDefault(id);
            var version = p.Version is { } v ? DateAddedClock.Truncate(v.Instant.UtcDateTime) : (DateTime?)null;
            var duplicate = version is null
                ? held is not null || mine is not null // SCOs are not versioned: one copy per collection
                : held?.Contains(version.Value) == true || mine?.Contains(version.Value) == true;
            if (duplicate)
            {
                result.Duplicates++;
                if (keepSuccesses) result.Successes.Add(new IngestSuccess(id, p.Version?.Text ?? ""));
                continue;
            }
            var dateAdded = clock.Next();
            var row = new StoredObject
            {
                MechanismId = collection.Mechanism.Id, CollectionId = collection.Id,
                StixId = id, Type = p.Type, SpecVersion = p.SpecVersion ?? "2.1",
                Version = version ?? dateAdded, VersionText = p.Version?.Text ?? StoredVersions.Format(dateAdded),
                DateAdded = dateAdded, IsFirst = true, IsLast = true, Tlp = p.Tlp,
                MarkingRefs = p.Markings.Count == 0 ? null : string.Join(' ', p.Markings.Distinct()),
                SourcePartyId = target.SourcePartyId, SourceAgencyId = target.SourceAgencyId, SourceUserId = target.SourceUserId,
                RecipientPartyId = collection.RecipientParty?.Id, RecipientAgencyId = collection.RecipientAgency?.Id,
                Json = p.Json,
            };
            rows.Add(row);
            if (held is not null || mine is not null) touched.Add(id);
            (mine ??= added[id] = []).Add(row.Version);
            result.Stored++;
            if (keepSuccesses) result.Successes.Add(new IngestSuccess(id, row.VersionText));
        }
        await (_inserts ??= new BulkInsert<StoredObject>(db)).InsertAsync(db, rows, ct);
        _held.Stored(added.Keys);
        if (touched.Count > 0) await StoredVersions.RecomputeFlagsAsync(db, collection.Id, touched, ct);
        return touched.Count > 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<string> MarkingRefs(JsonElement json)
    {
        var refs = new List<string>(StixJson.GetStringList(json, "object_marking_refs"));
        if (json.TryGetProperty("granular_markings", out var granular) && granular.ValueKind == JsonValueKind.Array)
            refs.AddRange(granular.EnumerateArray().Select(g => StixJson.GetString(g, "marking_ref")).OfType<string>());
        return refs;
    }

    private static StixTimestamp? Timestamp(JsonElement json, string name) => StixTimestamp.TryParse(StixJson.GetString(json, name), out var t) ? t : null;
}
