using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Parley.Data;

namespace Parley.Audit;

/// Puts a save's chain statements at the end of the batch EF sends for the save, when the audit interceptor
/// has left them there (<see cref="AuditLog.Batched"/>). A separate interceptor, registered on PostgreSQL
/// only: a command interceptor makes EF raise an event for every command, which SQLite has no use for.
public sealed class PostgresChainBatch : DbCommandInterceptor
{
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Append(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    {
        Append(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Append(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken ct = default)
    {
        Append(command, eventData);
        return ValueTask.FromResult(result);
    }

    private static void Append(DbCommand command, CommandEventData eventData)
    {
        if (eventData.CommandSource != CommandSource.SaveChanges || eventData.Context is not ParleyDbContext { Audit.Batched: { } entries } db) return;
        PostgresChainAppend.AppendTo(command, entries);
        db.Audit.Batched = null;
        db.Audit.WrittenInBatch = true;
    }
}
