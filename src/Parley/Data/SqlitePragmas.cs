using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Parley.Data;

/// WAL with synchronous=NORMAL: a committed transaction survives the process being killed; only an
/// operating-system crash or power loss can take back the last commits.
/// temp_store=MEMORY: SQLite otherwise created and deleted a temporary file under /var/tmp for some
/// statements, dozens of times a second under load. wal_autocheckpoint=10000 pages (40 MB of WAL instead of
/// 4 MB): a checkpoint copies each page once however often it was committed, and fsyncs twice, so ten times
/// fewer checkpoints write the hot pages (table and index tails) far fewer times. Measured with the audit
/// benchmark, in consecutive runs: CPU per audited submit 7.6 → 6.5 ms.
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
