using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Parley.Data;

namespace Parley.Intel;

/// The versions a collection already holds of a batch's objects, read inside the ingest's transaction once per
/// batch. A plain statement kept for the whole ingest: through EF, compiling and running the query was a
/// quarter of the writer's time in a fresh process.
/// On PostgreSQL the statement runs with a custom plan. Npgsql prepares it, and from the sixth run PostgreSQL
/// kept a generic plan that compared each row of the collection with all 1,000 ids (seconds per batch at 30,000
/// rows); a custom plan probes the unique index for each id. Only for this statement: for the whole
/// transaction, PostgreSQL also planned the foreign-key check of every row COPY inserts again (19 % of its time).
public sealed class HeldVersions(ParleyDbContext db) : IAsyncDisposable
{
    private const string Sqlite = """
        SELECT "StixId", "Version" FROM "StixObjects"
        WHERE "CollectionId" = @collection AND "StixId" IN (SELECT value FROM json_each(@ids))
        """;
    private const string Postgres = """
        SELECT "StixId", "Version" FROM "StixObjects" WHERE "CollectionId" = @collection AND "StixId" = ANY(@ids)
        """;

    private DbCommand? _sqlite;

    public async Task<Dictionary<string, HashSet<DateTime>>> FindAsync(Guid collectionId, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var held = new Dictionary<string, HashSet<DateTime>>(StringComparer.Ordinal);
        if (ids.Count == 0) return held;
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (connection is NpgsqlConnection postgres)
        {
            await using var batch = new NpgsqlBatch(postgres, (NpgsqlTransaction?)transaction);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL plan_cache_mode = force_custom_plan"));
            var select = new NpgsqlBatchCommand(Postgres);
            select.Parameters.AddWithValue("collection", collectionId);
            select.Parameters.AddWithValue("ids", ids.ToArray());
            batch.BatchCommands.Add(select);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL plan_cache_mode = DEFAULT"));
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
        _sqlite.AddParameter("collection", CommandParameters.SqliteText(collectionId));
        _sqlite.AddParameter("ids", JsonSerializer.Serialize(ids));
        await using (var result = await _sqlite.ExecuteReaderAsync(ct)) await ReadAsync(result, held, ct);
        return held;
    }

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
