using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Parley.Data;

namespace Parley.Intel;

/// The versions a collection already holds of a batch's objects, for one ingest, inside its transaction.
/// Opening it makes the ingest the collection's only writer until it commits (PostgreSQL: an advisory lock per
/// collection; SQLite's import transaction already holds the database's write lock), so what the collection
/// held at the start changes only through this ingest. A collection that held nothing then needs no look-up
/// except for objects this ingest stored itself, which it tells <see cref="Stored"/>: a first load of a large
/// bundle asks the database nothing per batch.
/// The look-up is a plain statement kept for the whole ingest: through EF, compiling and running the query was a
/// quarter of the writer's time in a fresh process.
public sealed class HeldVersions : IAsyncDisposable
{
    private const string Sqlite = """
        SELECT "StixId", "Version" FROM "StixObjects"
        WHERE "CollectionId" = @collection AND "StixId" IN (SELECT value FROM json_each(@ids))
        """;
    // One index probe per id, whatever PostgreSQL's statistics say. They do not know the rows this import
    // added: with `"StixId" = ANY(@ids)` it read every row of the collection for each batch, through the
    // (CollectionId, Seq) index (4-26 ms a batch by 50,000 rows). OFFSET 0 keeps the lateral subquery apart, so
    // it is run once per id, and only an index can serve it.
    private const string Postgres = """
        SELECT o."StixId", o."Version" FROM unnest(@ids) AS i(id)
        CROSS JOIN LATERAL (SELECT "StixId", "Version" FROM "StixObjects" WHERE "CollectionId" = @collection AND "StixId" = i.id OFFSET 0) AS o
        """;
    private static readonly string[] IndexOnly = ["enable_seqscan", "enable_bitmapscan"];
    /// First half of the advisory lock key that serialises ingests into one collection on PostgreSQL.
    private const int IngestLockKey = 0x504C_0005;

    private readonly ParleyDbContext _db;
    private readonly Guid _collectionId;
    // Set when the collection held nothing at the start: the UUID part of each id this ingest stored.
    // A UUID shared by two types only costs a look-up.
    private readonly HashSet<Guid>? _storedHere;
    private DbCommand? _sqlite;

    private HeldVersions(ParleyDbContext db, Guid collectionId, bool heldNothing)
    {
        _db = db;
        _collectionId = collectionId;
        _storedHere = heldNothing ? [] : null;
    }

    public static async Task<HeldVersions> OpenAsync(ParleyDbContext db, Guid collectionId, CancellationToken ct)
    {
        if (db.Database.IsNpgsql()) await LockAsync(db, collectionId, ct);
        var heldNothing = !await db.StixObjects.AnyAsync(o => o.CollectionId == collectionId, ct);
        return new HeldVersions(db, collectionId, heldNothing);
    }

    // An ingest into the same collection from another process (`parley import stix` while the server runs) is
    // waited for however long it takes, not failed after the usual command timeout.
    private static async Task LockAsync(ParleyDbContext db, Guid collectionId, CancellationToken ct)
    {
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.Zero);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({IngestLockKey}, {collectionId.GetHashCode()})", ct);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
    }

    /// Tells of objects this ingest stored, so that later batches find their versions.
    public void Stored(IEnumerable<string> stixIds)
    {
        if (_storedHere is null) return;
        foreach (var id in stixIds) _storedHere.Add(UuidOf(id));
    }

    public async Task<Dictionary<string, HashSet<DateTime>>> FindAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var held = new Dictionary<string, HashSet<DateTime>>(StringComparer.Ordinal);
        if (_storedHere is not null) ids = ids.Where(id => _storedHere.Contains(UuidOf(id))).ToList();
        if (ids.Count == 0) return held;
        var connection = _db.Database.GetDbConnection();
        var transaction = _db.Database.CurrentTransaction?.GetDbTransaction();
        if (connection is NpgsqlConnection postgres)
        {
            // The settings hold for this statement only: the foreign-key checks of the rows COPY inserts are planned too.
            await using var batch = new NpgsqlBatch(postgres, (NpgsqlTransaction?)transaction);
            foreach (var setting in IndexOnly) batch.BatchCommands.Add(new NpgsqlBatchCommand($"SET LOCAL {setting} = off"));
            var select = new NpgsqlBatchCommand(Postgres);
            select.Parameters.AddWithValue("collection", _collectionId);
            select.Parameters.AddWithValue("ids", ids.ToArray());
            batch.BatchCommands.Add(select);
            foreach (var setting in IndexOnly) batch.BatchCommands.Add(new NpgsqlBatchCommand($"SET LOCAL {setting} = DEFAULT"));
            await using var result = await batch.ExecuteReaderAsync(ct);
            await ReadAsync(result, held, ct);
            return held;
        }
        if (_sqlite is null)
        {
            _sqlite = connection.CreateCommand();
            _sqlite.CommandText = Sqlite;
        }
        _sqlite.Transaction = transaction;
        _sqlite.Parameters.Clear();
        _sqlite.AddParameter("collection", CommandParameters.SqliteText(_collectionId));
        _sqlite.AddParameter("ids", JsonSerializer.Serialize(ids));
        await using (var result = await _sqlite.ExecuteReaderAsync(ct)) await ReadAsync(result, held, ct);
        return held;
    }

    // Ids reach the store validated: `type--` and an RFC 4122 UUID.
    private static Guid UuidOf(string stixId) => Guid.Parse(stixId.AsSpan(stixId.Length - 36));

    private static async Task ReadAsync(DbDataReader result, Dictionary<string, HashSet<DateTime>> held, CancellationToken ct)
    {
        do
        {
            while (await result.ReadAsync(ct))
            {
                var id = result.GetString(0);
                if (!held.TryGetValue(id, out var versions)) held[id] = versions = [];
                versions.Add(DateTime.SpecifyKind(result.GetDateTime(1), DateTimeKind.Utc));
            }
        } while (await result.NextResultAsync(ct));
    }

    public ValueTask DisposeAsync() => _sqlite?.DisposeAsync() ?? ValueTask.CompletedTask;
}
