using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Parley.Benchmarks;

/// Bulk-loads generated requests into a migrated SQLite file: no journal, no fsync, indexes dropped
/// during the load and recreated from their own definitions afterwards, then ANALYZE.
public static class SqliteLoader
{
    private const int RowsPerTransaction = 100_000;

    public static void Load(string path, RequestGenerator generator, BenchDirectory directory)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=DELETE; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-500000; PRAGMA temp_store=MEMORY;");

        var indexes = new List<(string Name, string Sql)>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('Requests', 'RequestDeadlines')";
            using var reader = list.ExecuteReader();
            while (reader.Read()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in indexes) Execute(connection, $"DROP INDEX \"{name}\"");

        var stopwatch = Stopwatch.StartNew();
        using var requests = Prepare(connection, RequestColumns.Insert("Requests", RequestColumns.Requests.Select(c => c.Name)), RequestColumns.Requests.Length);
        using var deadlines = Prepare(connection, RequestColumns.Insert("RequestDeadlines", RequestColumns.Deadlines.Select(c => c.Name)), RequestColumns.Deadlines.Length);
        var transaction = connection.BeginTransaction();
        var rows = 0;
        foreach (var generated in generator.Generate())
        {
            requests.Transaction = deadlines.Transaction = transaction;
            Bind(requests, RequestColumns.Requests.Select(c => c.Value(generated.Row)));
            requests.ExecuteNonQuery();
            foreach (var deadline in generated.Deadlines)
            {
                Bind(deadlines, RequestColumns.Deadlines.Select(c => c.Value(deadline)));
                deadlines.ExecuteNonQuery();
            }
            if (++rows % RowsPerTransaction == 0)
            {
                transaction.Commit();
                transaction.Dispose();
                transaction = connection.BeginTransaction();
                Console.Write($"\r  {rows:N0} requests ({stopwatch.Elapsed.TotalSeconds:0} s)");
            }
        }
        foreach (var ((direction, year), last) in generator.References)
        {
            using var counter = connection.CreateCommand();
            counter.Transaction = transaction;
            counter.CommandText = "INSERT INTO \"ReferenceCounters\" (\"MechanismId\", \"Direction\", \"Year\", \"LastNumber\") VALUES ($m, $d, $y, $n)";
            counter.Parameters.AddWithValue("$m", Text(directory.MechanismId));
            counter.Parameters.AddWithValue("$d", direction);
            counter.Parameters.AddWithValue("$y", year);
            counter.Parameters.AddWithValue("$n", last);
            counter.ExecuteNonQuery();
        }
        transaction.Commit();
        transaction.Dispose();
        Console.WriteLine($"\r  {rows:N0} requests inserted in {stopwatch.Elapsed.TotalSeconds:0} s; recreating {indexes.Count} indexes");

        foreach (var (_, sql) in indexes) Execute(connection, sql);
        Execute(connection, "ANALYZE; PRAGMA journal_mode=WAL;");
        Console.WriteLine($"  indexes and ANALYZE done at {stopwatch.Elapsed.TotalSeconds:0} s");
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++) command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        return command;
    }

    private static void Bind(SqliteCommand command, IEnumerable<object?> values)
    {
        var i = 0;
        foreach (var value in values) command.Parameters[i++].Value = ToSqlite(value);
    }

    /// What EF Core's SQLite provider stores: GUIDs as upper-case TEXT, booleans as 0/1, instants as
    /// 'yyyy-MM-dd HH:mm:ss.FFFFFFF' and spans as 'd.hh:mm:ss' TEXT (the last two by Microsoft.Data.Sqlite itself).
    private static object ToSqlite(object? value) => value switch
    {
        null => DBNull.Value,
        Guid g => Text(g),
        bool b => b ? 1 : 0,
        _ => value,
    };

    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }
}
