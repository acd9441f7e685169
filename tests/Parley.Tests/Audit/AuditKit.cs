using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Parley.Audit;
using Parley.Data;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Audit;

/// Reads the audit table and drives `parley audit` against a test app's database.
public static class AuditKit
{
    /// The `--db` value for the app's database: the SQLite file, or the Npgsql connection string.
    public static string Db(TestApp app) => app.Storage.Provider == StorageProvider.Sqlite
        ? new SqliteConnectionStringBuilder(app.Storage.ConnectionString).DataSource
        : app.Storage.ConnectionString;

    public static Task<List<AuditEntry>> EntriesAsync(TestApp app) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());

    public static Task<Guid> PartyAsync(TestApp app, string code) =>
        app.WithDbAsync(db => db.Parties.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());

    public static Task<(int ExitCode, string StdOut, string StdErr)> CliAsync(TestApp app, params string[] args) =>
        ParleyProcess.RunAsync(["audit", .. args, "--db", Db(app)]);

    /// Edits stored rows behind Parley's back, as someone with database access could.
    public static Task<int> TamperAsync(TestApp app, string sql) => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql));
}
