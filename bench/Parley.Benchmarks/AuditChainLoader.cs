using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Parley.Audit;
using Parley.Data;

namespace Parley.Benchmarks;

/// Writes a valid audit chain of N entries straight into the AuditEntries table (SQLite: prepared
/// inserts in large transactions; PostgreSQL: binary COPY), hashed exactly as the app hashes them.
public static class AuditChainLoader
{
    private static readonly string[] Columns =
        ["Sequence", "At", "ActorType", "ActorId", "AgencyId", "PartyId", "Action", "SubjectType", "SubjectId", "PayloadDigest", "PreviousHash", "Hash"];

    public static IEnumerable<AuditEntry> Generate(int count)
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var (user, agency, party) = (Guid.CreateVersion7(start), Guid.CreateVersion7(start), Guid.CreateVersion7(start));
        var previous = AuditHash.Genesis;
        for (var i = 1; i <= count; i++)
        {
            var system = i % 10 == 0;
            var entry = AuditChain.Sealed(new AuditEntry
            {
                Sequence = i, At = start.AddTicks(i * 10_000_0L), ActorType = system ? "system" : "token",
                ActorId = system ? null : user, AgencyId = system ? null : agency, PartyId = system ? null : party,
                Action = i % 3 == 0 ? "RequestEvent.added" : "Request.modified", SubjectType = "Request", SubjectId = Guid.CreateVersion7(start).ToString(),
                PayloadDigest = AuditHash.Digest([new("n", i.ToString())]), PreviousHash = previous,
            });
            previous = entry.Hash;
            yield return entry;
        }
    }

    public static async Task LoadAsync(StorageOptions storage, int count)
    {
        if (storage.Provider == StorageProvider.Postgres) await LoadPostgresAsync(storage.ConnectionString, count);
        else LoadSqlite(new SqliteConnectionStringBuilder(storage.ConnectionString).DataSource, count);
    }

    private static void LoadSqlite(string path, int count)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO \"AuditEntries\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"$p{i}"))})";
        var parameters = Columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        var transaction = connection.BeginTransaction();
        foreach (var e in Generate(count))
        {
            insert.Transaction = transaction;
            // As EF Core's SQLite provider stores them: instants as text, GUIDs as upper-case text.
            object?[] values = [e.Sequence, e.At, e.ActorType, Text(e.ActorId), Text(e.AgencyId), Text(e.PartyId), e.Action, e.SubjectType, e.SubjectId, e.PayloadDigest, e.PreviousHash, e.Hash];
            for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
            insert.ExecuteNonQuery();
            if (e.Sequence % 100_000 != 0) continue;
            transaction.Commit();
            transaction.Dispose();
            transaction = connection.BeginTransaction();
        }
        transaction.Commit();
        transaction.Dispose();
    }

    private static string? Text(Guid? id) => id?.ToString().ToUpperInvariant();

    private static async Task LoadPostgresAsync(string connectionString, int count)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var import = await connection.BeginBinaryImportAsync($"COPY \"AuditEntries\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var e in Generate(count))
            {
                await import.StartRowAsync();
                await import.WriteAsync(e.Sequence, NpgsqlDbType.Bigint);
                await import.WriteAsync(e.At, NpgsqlDbType.TimestampTz);
                await import.WriteAsync(e.ActorType, NpgsqlDbType.Varchar);
                foreach (var id in new[] { e.ActorId, e.AgencyId, e.PartyId })
                    if (id is { } value) await import.WriteAsync(value, NpgsqlDbType.Uuid);
                    else await import.WriteNullAsync();
                foreach (var text in new[] { e.Action, e.SubjectType, e.SubjectId, e.PayloadDigest, e.PreviousHash, e.Hash })
                    await import.WriteAsync(text, NpgsqlDbType.Varchar);
            }
            await import.CompleteAsync();
        }
        await using var analyze = new NpgsqlCommand("ANALYZE \"AuditEntries\"", connection);
        await analyze.ExecuteNonQueryAsync();
    }
}
