using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Parley.Data;

/// One prepared single-row INSERT on SQLite whose values are bound by position, straight through SQLitePCL.
/// Microsoft.Data.Sqlite binds every parameter by name, which SQLite looks up by a linear scan of the
/// statement's names (strncmp was 2.4 % of a STIX import), and goes through its parameter objects per value.
/// Values are bound as Microsoft.Data.Sqlite binds them for EF's SQLite type mappings, so a row reads back
/// the same as one SaveChanges wrote; <see cref="Binds"/> says which value types that covers.
public sealed class SqlitePositionalInsert : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SqlitePositionalInsert(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    /// Whether values of this provider type are bound here exactly as Microsoft.Data.Sqlite binds them.
    public static bool Binds(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t
        && (t == typeof(string) || t == typeof(bool) || t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte)
            || t == typeof(double) || t == typeof(DateTime) || t == typeof(Guid) || t == typeof(byte[]));

    /// Binds the 1-based parameter <paramref name="index"/>.
    public void Bind(int index, object? value)
    {
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(_statement, index),
            string s => raw.sqlite3_bind_text(_statement, index, s),
            bool b => raw.sqlite3_bind_int64(_statement, index, b ? 1 : 0),
            int i => raw.sqlite3_bind_int64(_statement, index, i),
            long l => raw.sqlite3_bind_int64(_statement, index, l),
            short s => raw.sqlite3_bind_int64(_statement, index, s),
            byte b => raw.sqlite3_bind_int64(_statement, index, b),
            double d => raw.sqlite3_bind_double(_statement, index, d),
            // As Microsoft.Data.Sqlite writes a DateTime and a GUID bound as TEXT (EF's SQLite mappings).
            DateTime d => raw.sqlite3_bind_text(_statement, index, d.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            Guid g => raw.sqlite3_bind_text(_statement, index, g.ToString().ToUpperInvariant()),
            byte[] bytes => raw.sqlite3_bind_blob(_statement, index, bytes),
            _ => throw new NotSupportedException($"{value.GetType()} is not bound by {nameof(SqlitePositionalInsert)}."),
        };
        Check(rc);
    }

    /// Inserts the row bound, ready for the next.
    public void Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            var error = new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
            raw.sqlite3_reset(_statement);
            throw error;
        }
        raw.sqlite3_reset(_statement);
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
    }

    public void Dispose() => _statement.Dispose();
}
