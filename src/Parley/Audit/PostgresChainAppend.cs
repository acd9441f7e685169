using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Parley.Data;

namespace Parley.Audit;

/// On PostgreSQL a save's entries are chained by the server, in the round trip that takes the chain lock:
/// reading the head and inserting from the client cost two more round trips per audited save, which was
/// most of what the audit added there. Each INSERT reads the head its predecessor just wrote and computes
/// the hash exactly as <see cref="AuditHash"/> does (README "The hash input"); `audit verify` recomputes it
/// in .NET, so any difference between the two shows as a broken link.
public static class PostgresChainAppend
{
    private const string Head = $"""
        (SELECT "Sequence", "Hash", "At" FROM (
            (SELECT "Sequence", "Hash", "At" FROM "AuditEntries" ORDER BY "Sequence" DESC LIMIT 1)
            UNION ALL SELECT 0, '{Genesis}', '-infinity'::timestamptz) heads
         ORDER BY "Sequence" DESC LIMIT 1) h
        """;

    private const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// The new entry's sequence number and instant, from the head h. Written out where they are used rather than
    /// joined in laterally: planning the join cost the server more than running the statement.
    private const string Sequence = """(h."Sequence" + 1)""";
    private const string Instant = """GREATEST(@chain_at{0}, h."At")""";

    /// The hashed text of README "The hash input", given the head h.
    private const string HashedText = $$"""
        h."Hash" || E'\n' || {{Sequence}}::text || E'\n' || to_char({{Instant}} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || E'\n'
        || @chain_t{0} || E'\n' || COALESCE(@chain_a{0}::text, '') || E'\n' || COALESCE(@chain_g{0}::text, '') || E'\n' || COALESCE(@chain_p{0}::text, '') || E'\n'
        || @chain_x{0} || E'\n' || @chain_st{0} || E'\n' || @chain_si{0} || E'\n' || @chain_d{0} || CASE WHEN @chain_c{0} = '' THEN '' ELSE E'\n' || @chain_c{0} END
        """;

    public static async Task AppendAsync(ParleyDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = Statements(command.Parameters, entries);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// Adds the chain's statements to the end of the command that carries a save's own statements (EF sends a
    /// save as one batch): a save in a transaction of its own is then two round trips (BEGIN with the batch and
    /// the chain, COMMIT) instead of three. The lock is taken after the save's own statements, so it is held
    /// from the end of the batch to the commit. The parameters are named chain_…, as EF names its own p0, p1, ….
    public static void AppendTo(DbCommand command, IReadOnlyList<AuditEntry> entries)
    {
        var npgsql = (NpgsqlCommand)command;
        var sql = npgsql.CommandText.TrimEnd();
        npgsql.CommandText = (sql.EndsWith(';') ? sql : sql + ";") + "\n" + Statements(npgsql.Parameters, entries);
    }

    // The statements' text depends only on how many entries there are (almost always one): built once per count.
    private static readonly ConcurrentDictionary<int, string> Texts = new();

    private static string Statements(NpgsqlParameterCollection parameters, IReadOnlyList<AuditEntry> entries)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            parameters.Add(new NpgsqlParameter($"chain_at{i}", NpgsqlDbType.TimestampTz) { Value = e.At });
            parameters.Add(new NpgsqlParameter($"chain_t{i}", NpgsqlDbType.Text) { Value = e.ActorType });
            parameters.Add(new NpgsqlParameter($"chain_a{i}", NpgsqlDbType.Uuid) { Value = (object?)e.ActorId ?? DBNull.Value });
            parameters.Add(new NpgsqlParameter($"chain_g{i}", NpgsqlDbType.Uuid) { Value = (object?)e.AgencyId ?? DBNull.Value });
            parameters.Add(new NpgsqlParameter($"chain_p{i}", NpgsqlDbType.Uuid) { Value = (object?)e.PartyId ?? DBNull.Value });
            parameters.Add(new NpgsqlParameter($"chain_x{i}", NpgsqlDbType.Text) { Value = e.Action });
            parameters.Add(new NpgsqlParameter($"chain_st{i}", NpgsqlDbType.Text) { Value = e.SubjectType });
            parameters.Add(new NpgsqlParameter($"chain_si{i}", NpgsqlDbType.Text) { Value = e.SubjectId });
            parameters.Add(new NpgsqlParameter($"chain_d{i}", NpgsqlDbType.Text) { Value = e.PayloadDigest });
            parameters.Add(new NpgsqlParameter($"chain_c{i}", NpgsqlDbType.Text) { Value = e.Changes });
        }
        return Texts.GetOrAdd(entries.Count, Text);
    }

    private static string Text(int count)
    {
        var sql = new StringBuilder($"SELECT pg_advisory_xact_lock({AuditChain.LockKey});\n");
        for (var i = 0; i < count; i++)
        {
            sql.Append($"""
                INSERT INTO "AuditEntries" ("Sequence", "At", "ActorType", "ActorId", "AgencyId", "PartyId", "Action", "SubjectType", "SubjectId",
                    "PayloadDigest", "Changes", "PreviousHash", "Hash")
                SELECT {Sequence}, {string.Format(Instant, i)}, @chain_t{i}, @chain_a{i}, @chain_g{i}, @chain_p{i}, @chain_x{i}, @chain_st{i}, @chain_si{i}, @chain_d{i}, @chain_c{i}, h."Hash",
                    encode(sha256(convert_to({string.Format(HashedText, i)}, 'UTF8')), 'hex')
                FROM {Head};

                """);
        }
        return sql.ToString();
    }
}
