using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Parley.Data;

namespace Parley.Audit;

/// On PostgreSQL a save's entries are chained by the server when its transaction commits. The save inserts
/// them, unchained, into "AuditPending" (unlogged, never holding a committed row); a deferred constraint
/// trigger on that table (migration <c>AuditChainedAtCommit</c>; function <c>parley_audit_chain</c> as
/// migration <c>AuditChainInOneStatement</c> last wrote it) then, at COMMIT, takes the chain lock, reads the head, inserts each entry into "AuditEntries" with its
/// sequence number and its hash computed exactly as <see cref="AuditHash"/> does (README "The hash input"),
/// and deletes the pending row. The chain lock is so held from the commit's start to its end, inside the
/// server, and never across a round trip to the client: writers no longer queue behind a holder waiting
/// for its turn to send COMMIT. `audit verify` recomputes every hash in .NET, so any difference between the
/// two encodings shows as a broken link.
public static class PostgresChainAppend
{
    public static async Task AppendAsync(ParleyDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = Statement(command.Parameters, entries);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// Adds the entries' statement to the end of the command that carries a save's own statements (EF sends a
    /// save as one batch), so they cost no round trip of their own. The parameters are named chain_…, as EF
    /// names its own p0, p1, ….
    public static void AppendTo(DbCommand command, IReadOnlyList<AuditEntry> entries)
    {
        var npgsql = (NpgsqlCommand)command;
        var sql = npgsql.CommandText.TrimEnd();
        npgsql.CommandText = (sql.EndsWith(';') ? sql : sql + ";") + "\n" + Statement(npgsql.Parameters, entries);
    }

    // The statement's text depends only on how many entries there are (almost always one): built once per count.
    private static readonly ConcurrentDictionary<int, string> Texts = new();

    private static string Statement(NpgsqlParameterCollection parameters, IReadOnlyList<AuditEntry> entries)
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

    // One multi-row INSERT: the rows, and so the trigger's chaining at the commit, keep the entries' order.
    private static string Text(int count)
    {
        var sql = new StringBuilder("""
            INSERT INTO "AuditPending" ("At", "ActorType", "ActorId", "AgencyId", "PartyId", "Action", "SubjectType", "SubjectId", "PayloadDigest", "Changes")
            VALUES
            """);
        for (var i = 0; i < count; i++)
            sql.Append(i == 0 ? "\n" : ",\n")
                .Append($"(@chain_at{i}, @chain_t{i}, @chain_a{i}, @chain_g{i}, @chain_p{i}, @chain_x{i}, @chain_st{i}, @chain_si{i}, @chain_d{i}, @chain_c{i})");
        return sql.Append(";\n").ToString();
    }
}
