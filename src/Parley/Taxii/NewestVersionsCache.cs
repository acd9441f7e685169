using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Parley.Data;
using Parley.Intel;

namespace Parley.Taxii;

/// The newest versions of each collection's objects, held in memory in insertion order, for the read a polling
/// TAXII client makes most: GET objects by `next` and `limit`. A page read from the database cost several
/// times the rest of the request (the statement, SQLite's pages at a random place, PostgreSQL's backend
/// on the same cores); from memory it is a binary search and a copy.
///
/// Held rows are read in runs of consecutive sequence numbers, as pages ask for them, and dropped least
/// recently used first beyond <see cref="TaxiiOptions.PageCacheMegabytes"/>. A change committed in this
/// process drops its collection at once (<see cref="CollectionChanges"/>); a change made by another process
/// is seen by comparing the collection's count of changes in the database, at most
/// <see cref="TaxiiOptions.OtherWritersSeenWithin"/> after it was committed.
/// Rows are kept unfiltered with their marking and parties, and each request applies <see cref="TlpAccess.CanRead"/>.
public sealed class NewestVersionsCache
{
    private const int RunLength = 1000;

    private readonly ConcurrentDictionary<Guid, Held> _collections = new();
    private readonly ReadConnections _connections;
    private readonly TaxiiOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _evicting = new();

    public NewestVersionsCache(ReadConnections connections, CollectionChanges changes, IOptions<TaxiiOptions> options, TimeProvider time)
    {
        (_connections, _options, _time) = (connections, options.Value, time);
        changes.Committed += Forget;
    }

    public bool Enabled => _options.PageCacheMegabytes > 0;

    /// The bytes held now, over all collections.
    public long Bytes => _collections.Values.Sum(h => h.Bytes);

    /// Drops what is held of the collection; the next read starts again from the database.
    public void Forget(Guid collectionId) => _collections.TryRemove(collectionId, out _);

    /// Up to <paramref name="take"/> newest versions after <paramref name="after"/> that the reader may read, in insertion order.
    public async Task<List<(long Seq, TaxiiPage.Item Item)>> ReadAsync(Guid collectionId, TlpAccess.Reader reader, long after, int take, CancellationToken ct)
    {
        var held = await CurrentAsync(collectionId, ct);
        var rows = new List<(long Seq, TaxiiPage.Item Item)>(take);
        var now = _time.GetTimestamp();
        var cursor = after;
        while (rows.Count < take)
        {
            var run = held.Find(cursor) ?? await ReadRunAsync(held, collectionId, cursor, ct);
            run.Touch(now);
            run.Collect(cursor, reader, take, rows);
            if (run.To == long.MaxValue) break;
            cursor = run.To;
        }
        return rows;
    }

    /// What is held of the collection, as of its latest count of changes seen.
    private async Task<Held> CurrentAsync(Guid collectionId, CancellationToken ct)
    {
        if (_collections.TryGetValue(collectionId, out var held))
        {
            if (_time.GetElapsedTime(held.CheckedAt) < _options.OtherWritersSeenWithin || !held.StartCheck()) return held;
            try
            {
                var version = await CollectionChanges.ReadAsync(_connections, collectionId, ct);
                if (version == held.Version)
                {
                    held.CheckedAt = _time.GetTimestamp();
                    return held;
                }
                var fresh = new Held(version, _time.GetTimestamp());
                return _collections.TryUpdate(collectionId, fresh, held) ? fresh : _collections.GetValueOrDefault(collectionId) ?? fresh;
            }
            finally
            {
                held.EndCheck();
            }
        }
        // Counted before anything is read: rows read afterwards are at least as new as the count.
        var first = new Held(await CollectionChanges.ReadAsync(_connections, collectionId, ct), _time.GetTimestamp());
        return _collections.GetOrAdd(collectionId, first);
    }

    private async Task<CachedRun> ReadRunAsync(Held held, Guid collectionId, long cursor, CancellationToken ct)
    {
        var run = await CachedRun.ReadAsync(_connections, collectionId, cursor, held.NextFrom(cursor), RunLength, ct);
        run = held.Add(run);
        run.Touch(_time.GetTimestamp()); // the run just read is the last to go
        if (Bytes > _options.PageCacheMegabytes * 1024L * 1024) Evict();
        return run;
    }

    /// Drops the least recently used runs of every collection until a quarter of the budget is free.
    private void Evict()
    {
        lock (_evicting)
        {
            var budget = _options.PageCacheMegabytes * 1024L * 1024;
            var total = Bytes;
            if (total <= budget) return;
            var runs = _collections.Values.SelectMany(h => h.Runs.Select(r => (Held: h, Run: r))).OrderBy(x => x.Run.LastUsed).ToList();
            foreach (var (h, run) in runs)
            {
                if (total <= budget * 3 / 4) break;
                if (h.Remove(run)) total -= run.Bytes;
            }
        }
    }

    /// One collection's runs, sorted and not overlapping, and the count of changes they are no older than.
    private sealed class Held(long version, long checkedAt)
    {
        private readonly Lock _lock = new();
        private volatile CachedRun[] _runs = [];
        private int _checking;
        private long _bytes;
        private long _checkedAt = checkedAt;

        public long Version { get; } = version;
        public long CheckedAt { get => Volatile.Read(ref _checkedAt); set => Volatile.Write(ref _checkedAt, value); }
        public CachedRun[] Runs => _runs;
        public long Bytes => Interlocked.Read(ref _bytes);

        /// Only one request at a time asks the database whether the collection changed; the others go on with what is held.
        public bool StartCheck() => Interlocked.CompareExchange(ref _checking, 1, 0) == 0;
        public void EndCheck() => Volatile.Write(ref _checking, 0);

        public CachedRun? Find(long cursor)
        {
            var runs = _runs;
            var i = LastFromAtOrBefore(runs, cursor);
            return i >= 0 && runs[i].Covers(cursor) ? runs[i] : null;
        }

        /// Where the run after <paramref name="cursor"/> begins, so that a new run stops there.
        public long NextFrom(long cursor)
        {
            var runs = _runs;
            var i = LastFromAtOrBefore(runs, cursor) + 1;
            return i < runs.Length ? runs[i].From : long.MaxValue;
        }

        /// Adds a run read from the database, unless another request added one for the same cursor meanwhile;
        /// returns the run to read from.
        public CachedRun Add(CachedRun run)
        {
            lock (_lock)
            {
                var runs = _runs;
                var i = LastFromAtOrBefore(runs, run.From);
                if (i >= 0 && runs[i].Covers(run.From)) return runs[i];
                var next = i + 1 < runs.Length ? runs[i + 1].From : long.MaxValue;
                run = run.Until(next);
                _runs = [.. runs[..(i + 1)], run, .. runs[(i + 1)..]];
                Interlocked.Add(ref _bytes, run.Bytes);
                return run;
            }
        }

        public bool Remove(CachedRun run)
        {
            lock (_lock)
            {
                var runs = _runs;
                var i = Array.IndexOf(runs, run);
                if (i < 0) return false;
                _runs = [.. runs[..i], .. runs[(i + 1)..]];
                Interlocked.Add(ref _bytes, -run.Bytes);
                return true;
            }
        }

        private static int LastFromAtOrBefore(CachedRun[] runs, long cursor)
        {
            int lo = 0, hi = runs.Length - 1, found = -1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                if (runs[mid].From <= cursor) { found = mid; lo = mid + 1; }
                else hi = mid - 1;
            }
            return found;
        }
    }
}
