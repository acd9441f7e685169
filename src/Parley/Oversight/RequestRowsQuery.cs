using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Directory;
using Parley.Requests;

namespace Parley.Oversight;

/// A deadline as stored: due and completion instants (null when not set) and its state; State is null when the
/// request has no such deadline row.
public readonly record struct DeadlineSlot(DateTime? DueAt, DateTime? CompletedAt, DeadlineState? State);

/// One request of the period with its three deadlines.
public sealed record RequestRow(Guid Id, Guid FromPartyId, Guid ToPartyId, Priority Priority, DateTime SubmittedAt,
    DeadlineSlot Acknowledge, DeadlineSlot FirstAnswer, DeadlineSlot FinalAnswer)
{
    public DeadlineSlot this[DeadlineKind kind] => kind switch
    {
        DeadlineKind.Acknowledge => Acknowledge,
        DeadlineKind.FirstAnswer => FirstAnswer,
        _ => FinalAnswer,
    };
}

/// Reads the requests of the period with their deadlines, one row per request (the deadlines joined by primary key).
/// PostgreSQL through EF. SQLite through one SQL statement that returns instants as Unix milliseconds: it stores
/// them as text, and parsing 400,000 date strings cost more than the query itself.
public static class RequestRowsQuery
{
    public static Task<List<RequestRow>> RunAsync(ParleyDbContext db, ReportScope scope, CancellationToken ct) =>
        db.Database.IsSqlite() ? SqliteAsync(db, scope, ct) : EfAsync(db, scope, ct);

    private static Task<List<RequestRow>> EfAsync(ParleyDbContext db, ReportScope scope, CancellationToken ct)
    {
        var (mechanism, start, end) = (scope.MechanismId, scope.From, scope.To);
        return (from r in db.Requests.AsNoTracking()
                where r.MechanismId == mechanism && r.SubmittedAt >= start && r.SubmittedAt < end
                from a in db.RequestDeadlines.Where(d => d.RequestId == r.Id && d.Kind == DeadlineKind.Acknowledge).DefaultIfEmpty()
                from f in db.RequestDeadlines.Where(d => d.RequestId == r.Id && d.Kind == DeadlineKind.FirstAnswer).DefaultIfEmpty()
                from n in db.RequestDeadlines.Where(d => d.RequestId == r.Id && d.Kind == DeadlineKind.FinalAnswer).DefaultIfEmpty()
                select new RequestRow(r.Id, r.FromPartyId, r.ToPartyId, r.Priority, r.SubmittedAt!.Value,
                    new DeadlineSlot(a == null ? null : a.DueAt, a == null ? null : a.CompletedAt, a == null ? null : a.State),
                    new DeadlineSlot(f == null ? null : f.DueAt, f == null ? null : f.CompletedAt, f == null ? null : f.State),
                    new DeadlineSlot(n == null ? null : n.DueAt, n == null ? null : n.CompletedAt, n == null ? null : n.State)))
            .ToListAsync(ct);
    }

    private const string SqliteSql = """
        SELECT r."Id", r."FromPartyId", r."ToPartyId", r."Priority", {0},
               {1}, {2}, a."State", {3}, {4}, f."State", {5}, {6}, n."State"
        FROM "Requests" AS r
        LEFT JOIN "RequestDeadlines" AS a ON a."RequestId" = r."Id" AND a."Kind" = 'Acknowledge'
        LEFT JOIN "RequestDeadlines" AS f ON f."RequestId" = r."Id" AND f."Kind" = 'FirstAnswer'
        LEFT JOIN "RequestDeadlines" AS n ON n."RequestId" = r."Id" AND n."Kind" = 'FinalAnswer'
        WHERE r."MechanismId" = $mechanism AND r."SubmittedAt" >= $start AND r."SubmittedAt" < $end
        """;

    private static readonly string Sql = string.Format(SqliteSql, Ms("r.\"SubmittedAt\""), Ms("a.\"DueAt\""), Ms("a.\"CompletedAt\""),
        Ms("f.\"DueAt\""), Ms("f.\"CompletedAt\""), Ms("n.\"DueAt\""), Ms("n.\"CompletedAt\""));

    private static string Ms(string column) => $"CAST(ROUND((julianday({column}) - 2440587.5) * 86400000.0) AS INTEGER)";

    private static async Task<List<RequestRow>> SqliteAsync(ParleyDbContext db, ReportScope scope, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Sql;
            command.AddParameter("$mechanism", CommandParameters.SqliteText(scope.MechanismId));
            command.AddParameter("$start", Text(scope.From));
            command.AddParameter("$end", Text(scope.To));
            var rows = new List<RequestRow>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                rows.Add(new RequestRow(Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1)), Guid.Parse(reader.GetString(2)),
                    Enum.Parse<Priority>(reader.GetString(3)), Instant(reader, 4)!.Value,
                    Slot(reader, 5), Slot(reader, 8), Slot(reader, 11)));
            return rows;
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    /// As EF stores instants on SQLite (Microsoft.Data.Sqlite's text form of a DateTime).
    private static string Text(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);

    private static DeadlineSlot Slot(DbDataReader reader, int i) =>
        new(Instant(reader, i), Instant(reader, i + 1), reader.IsDBNull(i + 2) ? null : Enum.Parse<DeadlineState>(reader.GetString(i + 2)));

    private static DateTime? Instant(DbDataReader reader, int i) =>
        reader.IsDBNull(i) ? null : DateTime.UnixEpoch.AddMilliseconds(reader.GetInt64(i));
}
