using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Parley.Benchmarks;

/// Bulk-loads generated requests into a migrated PostgreSQL database with binary COPY; secondary
/// indexes are dropped during the load and recreated from their own definitions, foreign-key
/// triggers are skipped (the generator only uses ids from the seeded directory), then ANALYZE.
public static class PostgresLoader
{
    public static async Task LoadAsync(string connectionString, RequestGenerator generator, BenchDirectory directory)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "SET session_replication_role = replica; SET maintenance_work_mem = '256MB'; SET synchronous_commit = off;");

        var indexes = new List<(string Name, string Sql)>();
        await using (var list = new NpgsqlCommand("""
            SELECT indexname, indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename IN ('Requests', 'RequestDeadlines') AND indexname NOT LIKE 'PK\_%'
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        foreach (var (name, _) in indexes) await ExecuteAsync(connection, $"DROP INDEX \"{name}\"");

        var stopwatch = Stopwatch.StartNew();
        var deadlines = new List<Parley.Requests.RequestDeadline>();
        var rows = 0;
        await using (var requests = await connection.BeginBinaryImportAsync(RequestColumns.Copy("Requests", RequestColumns.Requests.Select(c => c.Name))))
        {
            foreach (var generated in generator.Generate())
            {
                await requests.StartRowAsync();
                foreach (var (_, value) in RequestColumns.Requests) await WriteAsync(requests, value(generated.Row));
                deadlines.AddRange(generated.Deadlines);
                if (++rows % 100_000 == 0) Console.Write($"\r  {rows:N0} requests ({stopwatch.Elapsed.TotalSeconds:0} s)");
            }
            await requests.CompleteAsync();
        }
        await using (var import = await connection.BeginBinaryImportAsync(RequestColumns.Copy("RequestDeadlines", RequestColumns.Deadlines.Select(c => c.Name))))
        {
            foreach (var deadline in deadlines)
            {
                await import.StartRowAsync();
                foreach (var (_, value) in RequestColumns.Deadlines) await WriteAsync(import, value(deadline));
            }
            await import.CompleteAsync();
        }
        foreach (var ((direction, year), last) in generator.References)
        {
            await using var counter = new NpgsqlCommand("""
                INSERT INTO "ReferenceCounters" ("MechanismId", "Direction", "Year", "LastNumber") VALUES ($1, $2, $3, $4)
                """, connection);
            counter.Parameters.Add(new() { Value = directory.MechanismId });
            counter.Parameters.Add(new() { Value = direction });
            counter.Parameters.Add(new() { Value = year });
            counter.Parameters.Add(new() { Value = last });
            await counter.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"\r  {rows:N0} requests and {deadlines.Count:N0} deadlines copied in {stopwatch.Elapsed.TotalSeconds:0} s; recreating {indexes.Count} indexes");

        foreach (var (_, sql) in indexes) await ExecuteAsync(connection, sql);
        await ExecuteAsync(connection, "SET session_replication_role = origin");
        foreach (var table in new[] { "Requests", "RequestDeadlines" }) await ExecuteAsync(connection, $"VACUUM ANALYZE \"{table}\"");
        Console.WriteLine($"  indexes and VACUUM ANALYZE done at {stopwatch.Elapsed.TotalSeconds:0} s");
    }

    private static Task WriteAsync(NpgsqlBinaryImporter import, object? value) => value switch
    {
        null => import.WriteNullAsync(),
        Guid g => import.WriteAsync(g, NpgsqlDbType.Uuid),
        string s => import.WriteAsync(s, NpgsqlDbType.Varchar),
        DateTime d => import.WriteAsync(d, NpgsqlDbType.TimestampTz),
        bool b => import.WriteAsync(b, NpgsqlDbType.Boolean),
        int i => import.WriteAsync(i, NpgsqlDbType.Integer),
        TimeSpan t => import.WriteAsync(t, NpgsqlDbType.Interval),
        _ => throw new NotSupportedException($"No COPY mapping for {value.GetType()}"),
    };

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
