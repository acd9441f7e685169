using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Parley.Benchmarks;

/// Adds up how long write transactions are open, from the moment BEGIN returns (on SQLite the write
/// lock is held from there) to the end of their commit or rollback: on SQLite, one writer at a time,
/// this is the time the audit can lengthen for every other writer.
public sealed class TransactionClock : DbTransactionInterceptor
{
    private readonly ConcurrentDictionary<Guid, long> _open = new();
    private long _ticks, _count;

    public long Count => Interlocked.Read(ref _count);
    public TimeSpan Held => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        _open[eventData.TransactionId] = Stopwatch.GetTimestamp();
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken ct = default) =>
        ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => End(eventData.TransactionId);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        End(eventData.TransactionId);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => End(eventData.TransactionId);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        End(eventData.TransactionId);
        return Task.CompletedTask;
    }

    private void End(Guid transaction)
    {
        if (!_open.TryRemove(transaction, out var started)) return;
        Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - started);
        Interlocked.Increment(ref _count);
    }
}
