using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Parley.Data;

namespace Parley.Audit;

/// On SQLite a save's entries are chained by the statement that inserts them: it reads the head and calls
/// <see cref="HashFunction"/> (this process's <see cref="AuditHash"/>, registered on every connection) for
/// the hash. SQLite has one writer at a time and every audited commit holds the lock while it extends the
/// chain, so that part is one statement: reading the head and inserting from .NET took two, and were most of
/// what the audit added to the time the write lock is held. `audit verify` recomputes every hash.
public static class SqliteChainAppend
{
    /// Registers <see cref="HashFunction"/> on every connection a SQLite context creates.
    public sealed class Registration : DbConnectionInterceptor
    {
        public override DbConnection ConnectionCreated(ConnectionCreatedEventData eventData, DbConnection result)
        {
            if (result is SqliteConnection sqlite) Register(sqlite);
            return result;
        }
    }

    public const string HashFunction = "parley_audit_hash";

    // EF's SQLite mappings store an instant as this text (so a later instant sorts after an earlier one as
    // text) and a Guid as upper-case text; the statement writes them the same way.
    private const string StoredInstant = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    private static readonly string Genesis = AuditHash.Genesis;

    private const string Insert = """
        INSERT INTO "AuditEntries" ("Sequence", "At", "ActorType", "ActorId", "AgencyId", "PartyId", "Action", "SubjectType", "SubjectId",
            "PayloadDigest", "Changes", "PreviousHash", "Hash")
        SELECT n.seq, n.at, $t{0}, $a{0}, $g{0}, $p{0}, $x{0}, $st{0}, $si{0}, $d{0}, $c{0}, n.previous,
            parley_audit_hash(n.previous, n.seq, n.at, $t{0}, $a{0}, $g{0}, $p{0}, $x{0}, $st{0}, $si{0}, $d{0}, $c{0})
        FROM (SELECT COALESCE(h."Sequence", 0) + 1 AS seq, max($at{0}, COALESCE(h."At", '')) AS at, COALESCE(h."Hash", '{1}') AS previous
              FROM (SELECT 1) LEFT JOIN (SELECT "Sequence", "At", "Hash" FROM "AuditEntries" ORDER BY "Sequence" DESC LIMIT 1) h) n;

        """;

    private static readonly string SingleInsert = Statement(0);

    /// Makes <see cref="HashFunction"/> available on <paramref name="connection"/> (Microsoft.Data.Sqlite
    /// registers it again each time the connection opens).
    private static void Register(SqliteConnection connection) =>
        connection.CreateFunction<string, long, string, string, string?, string?, string?, string, string, string, string, string, string>(
            HashFunction, Hash, isDeterministic: true);

    /// The one-entry statement, prepared on <paramref name="connection"/> before its transaction takes the write
    /// lock: preparing it took as long as running it, and under the lock every other writer waits for both.
    /// None before the migration that creates the table.
    public static SqliteCommand? Prepared(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = SingleInsert;
        try
        {
            command.Prepare();
            return command;
        }
        catch (SqliteException)
        {
            command.Dispose();
            return null;
        }
    }

    /// Appends <paramref name="entries"/> in the context's transaction, with <paramref name="prepared"/> if it is
    /// the one-entry statement on this connection.
    public static async Task AppendAsync(ParleyDbContext db, IReadOnlyList<AuditEntry> entries, DbCommand? prepared, CancellationToken ct)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var reuse = entries.Count == 1 && prepared is SqliteCommand p && ReferenceEquals(p.Connection, connection);
        var command = reuse ? (SqliteCommand)prepared! : connection.CreateCommand();
        try
        {
            command.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
            command.Parameters.Clear();
            var sql = entries.Count == 1 ? null : new StringBuilder();
            for (var i = 0; i < entries.Count; i++)
            {
                sql?.Append(Statement(i));
                Bind(command.Parameters, i, entries[i]);
            }
            if (!reuse) command.CommandText = sql?.ToString() ?? SingleInsert;
            await command.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            if (!reuse) await command.DisposeAsync();
        }
    }

    private static string Statement(int i) => string.Format(CultureInfo.InvariantCulture, Insert, i, Genesis);

    private static void Bind(SqliteParameterCollection parameters, int i, AuditEntry e)
    {
        parameters.AddWithValue($"$at{i}", e.At.ToString(StoredInstant, CultureInfo.InvariantCulture));
        parameters.AddWithValue($"$t{i}", e.ActorType);
        parameters.AddWithValue($"$a{i}", Stored(e.ActorId));
        parameters.AddWithValue($"$g{i}", Stored(e.AgencyId));
        parameters.AddWithValue($"$p{i}", Stored(e.PartyId));
        parameters.AddWithValue($"$x{i}", e.Action);
        parameters.AddWithValue($"$st{i}", e.SubjectType);
        parameters.AddWithValue($"$si{i}", e.SubjectId);
        parameters.AddWithValue($"$d{i}", e.PayloadDigest);
        parameters.AddWithValue($"$c{i}", e.Changes);
    }

    private static object Stored(Guid? id) => id is { } value ? value.ToString("D").ToUpperInvariant() : DBNull.Value;

    private static string Hash(string previous, long sequence, string at, string actorType, string? actorId, string? agencyId, string? partyId,
        string action, string subjectType, string subjectId, string payloadDigest, string changes) =>
        AuditHash.Of(previous, sequence, Instant(at), actorType, Id(actorId), Id(agencyId), Id(partyId), action, subjectType, subjectId, payloadDigest, changes);

    private static DateTime Instant(string stored) =>
        DateTime.ParseExact(stored, StoredInstant, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static Guid? Id(string? stored) => stored is null ? null : Guid.Parse(stored);
}
