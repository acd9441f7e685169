using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using Parley.Data;

namespace Parley.Benchmarks;

/// Runs captured EF commands again by hand: their query plans, and their time without EF.
public static class QueryPlans
{
    public static DbConnection Open(StorageOptions storage)
    {
        DbConnection connection = storage.Provider == StorageProvider.Sqlite
            ? new SqliteConnection(storage.ConnectionString)
            : new NpgsqlConnection(storage.ConnectionString);
        connection.Open();
        return connection;
    }

    /// EXPLAIN QUERY PLAN on SQLite (as a tree); EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL.
    public static string Explain(DbConnection connection, CapturedCommand captured)
    {
        using var command = Command(connection, captured);
        var sqlite = connection is SqliteConnection;
        command.CommandText = (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, BUFFERS) ") + captured.Sql;
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        var depth = new Dictionary<long, int> { [0] = 0 };
        while (reader.Read())
        {
            if (!sqlite)
            {
                lines.Add(reader.GetString(0));
                continue;
            }
            // id, parent, notused, detail
            var level = depth.GetValueOrDefault(reader.GetInt64(1)) + 1;
            depth[reader.GetInt64(0)] = level;
            lines.Add(new string(' ', 2 * (level - 1)) + "- " + reader.GetString(3));
        }
        return string.Join('\n', lines);
    }

    /// Median time to run the command and read every row, over the given number of runs.
    public static double TimeMs(DbConnection connection, CapturedCommand captured, int runs)
    {
        using var command = Command(connection, captured);
        var latency = new Latency();
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using (var reader = command.ExecuteReader())
                while (reader.Read()) for (var c = 0; c < reader.FieldCount; c++) reader.GetValue(c);
            latency.AddSince(started);
        }
        return latency.Percentile(50);
    }

    private static DbCommand Command(DbConnection connection, CapturedCommand captured)
    {
        var command = connection.CreateCommand();
        command.CommandText = captured.Sql;
        foreach (var parameter in captured.CloneParameters()) command.Parameters.Add(parameter);
        return command;
    }
}
