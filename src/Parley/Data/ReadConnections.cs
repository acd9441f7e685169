using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Parley.Data;

/// A plain connection for a hot read that needs no DbContext (whose first use per request costs more
/// than the read). It has the connection string EF uses, so it comes from the same pool.
public sealed class ReadConnections(StorageOptions storage)
{
    private readonly string _connectionString = storage.Provider == StorageProvider.Postgres
        ? DatabaseSetup.WithAutoPrepare(storage.ConnectionString)
        : storage.ConnectionString;

    public StorageProvider Provider => storage.Provider;

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        DbConnection connection = storage.Provider == StorageProvider.Postgres
            ? new NpgsqlConnection(_connectionString)
            : new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
