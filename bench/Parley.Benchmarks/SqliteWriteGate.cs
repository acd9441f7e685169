using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Parley.Benchmarks;

/// What-if for `throughput --what-if write-gate` (not in the app): SQLite admits one writer at a time,
/// and a waiting writer otherwise sleeps and polls in SQLite's busy handler on a blocked thread-pool
/// thread. This makes EF's write transactions queue on an async semaphore instead. A transaction that
/// is disposed without commit or rollback (EF raises no event for that) lets go when its connection closes.
public sealed class SqliteWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<DbConnection, Guid> _holders = [];

    public IInterceptor[] Interceptors => [new Transactions(this), new Connections(this)];

    private void Hold(DbConnection connection, Guid transaction)
    {
        lock (_holders) _holders[connection] = transaction;
    }

    private void Release(Func<KeyValuePair<DbConnection, Guid>, bool> which)
    {
        lock (_holders)
        {
            var held = _holders.Where(which).Select(h => h.Key).ToList();
            if (held.Count == 0) return;
            _holders.Remove(held[0]);
        }
        _gate.Release();
    }

    private sealed class Transactions(SqliteWriteGate gate) : DbTransactionInterceptor
    {
        public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
        {
            gate._gate.Wait();
            gate.Hold(connection, eventData.TransactionId);
            return result;
        }

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            await gate._gate.WaitAsync(cancellationToken);
            gate.Hold(connection, eventData.TransactionId);
            return result;
        }

        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => End(eventData.TransactionId);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
            End(eventData.TransactionId);

        public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => End(eventData.TransactionId);

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
            End(eventData.TransactionId);

        private Task End(Guid transaction)
        {
            gate.Release(h => h.Value == transaction);
            return Task.CompletedTask;
        }
    }

    private sealed class Connections(SqliteWriteGate gate) : DbConnectionInterceptor
    {
        public override void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => gate.Release(h => h.Key == connection);

        public override Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
        {
            gate.Release(h => h.Key == connection);
            return Task.CompletedTask;
        }
    }
}
