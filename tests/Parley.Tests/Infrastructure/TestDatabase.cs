using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Parley.Data;

namespace Parley.Tests.Infrastructure;

public enum DatabaseKind { Sqlite, Postgres }

/// A fresh database per test: a copied SQLite file, or a PostgreSQL database cloned from a migrated template
/// on the server that ./test.sh starts (PARLEY_TEST_POSTGRES).
public static class TestDatabase
{
    public const string PostgresVariable = "PARLEY_TEST_POSTGRES";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _sqliteTemplate;
    private static bool _postgresTemplateReady;
    private const string PostgresTemplate = "parley_test_template";

    public static async Task<StorageOptions> CreateAsync(DatabaseKind kind)
    {
        await Gate.WaitAsync();
        try
        {
            return kind == DatabaseKind.Sqlite ? await CreateSqliteAsync() : await CreatePostgresAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    public static string NewSqlitePath() =>
        Path.Combine(Path.GetTempPath(), "parley-tests", $"{Guid.NewGuid():N}.db");

    private static async Task<StorageOptions> CreateSqliteAsync()
    {
        if (_sqliteTemplate is null)
        {
            var template = NewSqlitePath();
            await MigrateAsync(new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={template};Pooling=False" });
            _sqliteTemplate = template;
        }
        var path = NewSqlitePath();
        File.Copy(_sqliteTemplate, path);
        return new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={path}" };
    }

    public static string PostgresServer() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run the tests with ./test.sh, which starts a throw-away PostgreSQL server.");

    private static async Task<StorageOptions> CreatePostgresAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(PostgresServer());
        if (!_postgresTemplateReady)
        {
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {PostgresTemplate} WITH (FORCE)");
            await ExecuteAsync(server, $"CREATE DATABASE {PostgresTemplate}");
            var template = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = PostgresTemplate, Pooling = false };
            await MigrateAsync(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = template.ConnectionString });
            _postgresTemplateReady = true;
        }
        var name = $"parley_t_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE {name} TEMPLATE {PostgresTemplate}");
        var database = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name };
        return new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = database.ConnectionString };
    }

    private static async Task ExecuteAsync(NpgsqlConnectionStringBuilder server, string sql)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task MigrateAsync(StorageOptions storage)
    {
        var services = new ServiceCollection().AddLogging().AddParleyDatabase(storage).BuildServiceProvider();
        await using (services)
            await DatabaseSetup.MigrateAsync(services);
        SqliteConnection.ClearAllPools();
    }

    public static async Task DropAsync(StorageOptions storage)
    {
        if (storage.Provider == StorageProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var path = new SqliteConnectionStringBuilder(storage.ConnectionString).DataSource;
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                if (File.Exists(file)) File.Delete(file);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        var builder = new NpgsqlConnectionStringBuilder(storage.ConnectionString);
        var server = new NpgsqlConnectionStringBuilder(PostgresServer());
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {builder.Database} WITH (FORCE)");
    }
}
