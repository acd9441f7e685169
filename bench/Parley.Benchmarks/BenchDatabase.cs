using Microsoft.Data.Sqlite;
using Npgsql;
using Parley.Data;

namespace Parley.Benchmarks;

/// A database made for one run and removed after it: a SQLite file in a temporary folder, or a
/// PostgreSQL database on the given server.
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly string? _server;
    private readonly bool _keep;

    private BenchDatabase(StorageOptions storage, string? folder, string? server, bool keep)
    {
        Storage = storage;
        _folder = folder;
        _server = server;
        _keep = keep;
    }

    public StorageOptions Storage { get; }

    public string Description => Storage.Provider == StorageProvider.Sqlite
        ? $"SQLite {new SqliteConnectionStringBuilder(Storage.ConnectionString).DataSource}"
        : $"PostgreSQL database {new NpgsqlConnectionStringBuilder(Storage.ConnectionString).Database}";

    public static async Task<BenchDatabase> CreateAsync(BenchDb db, string? postgresServer, string purpose)
    {
        if (db == BenchDb.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), $"parley-bench-{purpose}-{Guid.NewGuid():N}");
            System.IO.Directory.CreateDirectory(folder);
            return new BenchDatabase(SqliteAt(Path.Combine(folder, "parley.db")), folder, null, keep: false);
        }
        var server = postgresServer ?? throw new ArgumentException($"PostgreSQL needs --pg \"Host=…\" or {BenchArgs.PostgresVariable}.");
        var name = $"parley_bench_{purpose}_{Guid.NewGuid():N}"[..40];
        await ExecuteAsync(server, $"CREATE DATABASE {name}");
        var database = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new BenchDatabase(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = database.ConnectionString }, null, server, keep: false);
    }

    /// An existing SQLite file that outlives the run (the cached list database).
    public static BenchDatabase ExistingSqlite(string path) => new(SqliteAt(path), null, null, keep: true);

    public static StorageOptions SqliteAt(string path) =>
        new() { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={path}" };

    /// The server settings that decide what a commit costs, for the report.
    public static async Task<string> PostgresSettingsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT split_part(version(), ' ', 2), current_setting('fsync'), current_setting('synchronous_commit'),
                   current_setting('shared_buffers'), current_setting('work_mem')
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return $"PostgreSQL {reader.GetString(0)}, fsync={reader.GetString(1)}, synchronous_commit={reader.GetString(2)}, "
               + $"shared_buffers={reader.GetString(3)}, work_mem={reader.GetString(4)}";
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_keep) return;
        if (Storage.Provider == StorageProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            if (_folder is not null && System.IO.Directory.Exists(_folder)) System.IO.Directory.Delete(_folder, recursive: true);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(Storage.ConnectionString).Database;
        await ExecuteAsync(_server!, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }
}
