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

    /// The hashed text of README "The hash input", given the head h and the new entry's n.seq and n.at.
    private const string HashedText = """
        h."Hash" || E'\n' || n.seq::text || E'\n' || to_char(n.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || E'\n'
        || @t{0} || E'\n' || COALESCE(@a{0}::text, '') || E'\n' || COALESCE(@g{0}::text, '') || E'\n' || COALESCE(@p{0}::text, '') || E'\n'
        || @x{0} || E'\n' || @st{0} || E'\n' || @si{0} || E'\n' || @d{0} || CASE WHEN @c{0} = '' THEN '' ELSE E'\n' || @c{0} END
        """;

    public static async Task AppendAsync(ParleyDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        var sql = new StringBuilder($"SELECT pg_advisory_xact_lock({AuditChain.LockKey});\n");
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            sql.Append($"""
                INSERT INTO "AuditEntries" ("Sequence", "At", "ActorType", "ActorId", "AgencyId", "PartyId", "Action", "SubjectType", "SubjectId",
                    "PayloadDigest", "Changes", "PreviousHash", "Hash")
                SELECT n.seq, n.at, @t{i}, @a{i}, @g{i}, @p{i}, @x{i}, @st{i}, @si{i}, @d{i}, @c{i}, h."Hash",
                    encode(sha256(convert_to({string.Format(HashedText, i)}, 'UTF8')), 'hex')
                FROM {Head} CROSS JOIN LATERAL (SELECT h."Sequence" + 1 AS seq, GREATEST(@at{i}, h."At") AS at) n;

                """);
            command.Parameters.Add(new NpgsqlParameter($"at{i}", NpgsqlDbType.TimestampTz) { Value = e.At });
            command.Parameters.Add(new NpgsqlParameter($"t{i}", NpgsqlDbType.Text) { Value = e.ActorType });
            command.Parameters.Add(new NpgsqlParameter($"a{i}", NpgsqlDbType.Uuid) { Value = (object?)e.ActorId ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter($"g{i}", NpgsqlDbType.Uuid) { Value = (object?)e.AgencyId ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter($"p{i}", NpgsqlDbType.Uuid) { Value = (object?)e.PartyId ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter($"x{i}", NpgsqlDbType.Text) { Value = e.Action });
            command.Parameters.Add(new NpgsqlParameter($"st{i}", NpgsqlDbType.Text) { Value = e.SubjectType });
            command.Parameters.Add(new NpgsqlParameter($"si{i}", NpgsqlDbType.Text) { Value = e.SubjectId });
            command.Parameters.Add(new NpgsqlParameter($"d{i}", NpgsqlDbType.Text) { Value = e.PayloadDigest });
            command.Parameters.Add(new NpgsqlParameter($"c{i}", NpgsqlDbType.Text) { Value = e.Changes });
        }
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync(ct);
    }
}
