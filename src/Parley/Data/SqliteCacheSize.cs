using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Parley.Data;

/// A larger SQLite page cache for the connection while a bulk import runs, restored when disposed.
/// With SQLite's default 2 MB, an import inserting into random places of the indexes keeps writing dirty
/// pages out to the WAL in the middle of its transaction and reading them back: a third of the import's
/// CPU went into those system calls. The cache is filled only as pages are used, so this is a ceiling,
/// not an allocation. Does nothing on other databases.
public sealed class SqliteCacheSize : IAsyncDisposable
{
    private readonly DbContext? _db;
    private readonly long _previous;

    private SqliteCacheSize(DbContext? db, long previous)
    {
        _db = db;
        _previous = previous;
    }

    /// Call inside a transaction, so that the connection stays open until the restore.
    public static async Task<SqliteCacheSize> EnlargeAsync(DbContext db, int megabytes, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return new SqliteCacheSize(null, 0);
        var previous = Convert.ToInt64(await ScalarAsync(db, "PRAGMA cache_size", ct));
        // A negative size is in KiB.
        await ScalarAsync(db, $"PRAGMA cache_size = {-megabytes * 1024L}", ct);
        return new SqliteCacheSize(db, previous);
    }

    /// Before the transaction is disposed (which closes the connection and returns it to the pool).
    public async ValueTask DisposeAsync()
    {
        if (_db is null || _db.Database.GetDbConnection().State != System.Data.ConnectionState.Open) return;
        await ScalarAsync(_db, $"PRAGMA cache_size = {_previous}", CancellationToken.None);
    }

    private static async Task<object?> ScalarAsync(DbContext db, string sql, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }
}
