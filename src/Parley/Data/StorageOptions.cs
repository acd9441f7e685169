namespace Parley.Data;

public enum StorageProvider { Sqlite, Postgres }

public sealed class StorageOptions
{
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;
    /// SQLite: a file path or ADO.NET connection string; PostgreSQL: an Npgsql connection string or postgres:// URL.
    public string ConnectionString { get; set; } = "Data Source=data/parley.db";

    /// Reads the `--db` option: a postgres:// URL, an Npgsql keyword string (Host=...), sqlite:PATH or a file path.
    public static StorageOptions Parse(string value)
    {
        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return new() { Provider = StorageProvider.Postgres, ConnectionString = PostgresUrl.ToConnectionString(value) };
        if (value.Contains("Host=", StringComparison.OrdinalIgnoreCase))
            return new() { Provider = StorageProvider.Postgres, ConnectionString = value };
        var path = value.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? value["sqlite:".Length..] : value;
        return new() { Provider = StorageProvider.Sqlite, ConnectionString = path.Contains('=') ? path : $"Data Source={path}" };
    }
}
