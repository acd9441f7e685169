using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Parley.Data;

/// A plain connection for a hot read that needs no DbContext (whose first use per request costs more
/// than the read). It has the connection string EF uses. On PostgreSQL it comes from Npgsql's pool, which
/// also keeps the statements prepared. On SQLite a statement is prepared once per connection: a few open
/// connections wait here between reads with their commands, because Microsoft.Data.Sqlite prepares a
/// command again each time it is created (parsing and planning the page read was ~3 % of a TAXII request).
public sealed class ReadConnections(StorageOptions storage) : IDisposable
{
    private const int KeptIdle = 16;

    private readonly string _connectionString = storage.Provider == StorageProvider.Postgres
        ? DatabaseSetup.WithAutoPrepare(storage.ConnectionString)
        : storage.ConnectionString;
    private readonly ConcurrentBag<Session> _idle = [];
    private int _idleCount;
    private volatile bool _disposed;

    public StorageProvider Provider => storage.Provider;

    /// A GUID as a parameter value: PostgreSQL has a uuid type, SQLite holds EF's text form.
    public object Key(Guid id) => storage.Provider == StorageProvider.Sqlite ? CommandParameters.SqliteText(id) : id;

    /// A connection, open, for one read; dispose it to give it back.
    public async Task<Session> RentAsync(CancellationToken ct)
    {
        if (storage.Provider == StorageProvider.Sqlite && _idle.TryTake(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            return idle;
        }
        DbConnection connection = storage.Provider == StorageProvider.Postgres
            ? new NpgsqlConnection(_connectionString)
            : new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            return new Session(this, connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async ValueTask ReturnAsync(Session session)
    {
        if (storage.Provider == StorageProvider.Sqlite && !_disposed && session.Connection.State == System.Data.ConnectionState.Open)
        {
            if (Interlocked.Increment(ref _idleCount) <= KeptIdle)
            {
                _idle.Add(session);
                if (_disposed) Dispose();
                return;
            }
            Interlocked.Decrement(ref _idleCount);
        }
        await session.CloseAsync();
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var session)) session.CloseAsync().AsTask().GetAwaiter().GetResult();
    }

    /// An open connection and the commands prepared on it, by text.
    public sealed class Session(ReadConnections owner, DbConnection connection) : IAsyncDisposable
    {
        private readonly Dictionary<string, DbCommand> _commands = [];

        public DbConnection Connection => connection;

        /// The command for <paramref name="sql"/>, without parameters; on SQLite, prepared the first time only.
        public DbCommand Command(string sql)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = sql;
                _commands[sql] = command;
            }
            command.Parameters.Clear();
            return command;
        }

        public ValueTask DisposeAsync()
        {
            if (owner.Provider != StorageProvider.Sqlite) return CloseAsync();
            return owner.ReturnAsync(this);
        }

        internal async ValueTask CloseAsync()
        {
            foreach (var command in _commands.Values) await command.DisposeAsync();
            _commands.Clear();
            await connection.DisposeAsync();
        }
    }
}
