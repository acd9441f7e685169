using System.Collections;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;
using Parley.Data;

namespace Parley.Benchmarks;

/// Bulk-inserts entities of any mapped type by reading the columns and value converters from the EF
/// model: prepared INSERTs in one transaction on SQLite (as EF would store the values: GUIDs as upper-case
/// text, enums as names), binary COPY on PostgreSQL (foreign-key triggers off during the load).
public sealed class EntityLoader(ParleyDbContext db)
{
    private sealed record Column(string Name, Func<object, object?> Value);

    private List<Column> Columns(IEntityType type) => type.GetProperties().Where(p => !p.IsShadowProperty())
        .Select(p =>
        {
            var getter = p.GetGetter();
            var converter = p.GetTypeMapping().Converter;
            return new Column(p.GetColumnName(), e => getter.GetClrValue(e) is { } v && converter is not null ? converter.ConvertToProvider(v) : getter.GetClrValue(e));
        }).ToList();

    public async Task LoadAsync<T>(IReadOnlyCollection<T> rows) where T : class
    {
        var type = db.Model.FindEntityType(typeof(T))!;
        var columns = Columns(type);
        var table = type.GetTableName()!;
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        if (db.Database.GetDbConnection() is NpgsqlConnection pg)
        {
            await using var import = await pg.BeginBinaryImportAsync($"COPY \"{table}\" ({names}) FROM STDIN (FORMAT BINARY)");
            foreach (var row in rows)
            {
                await import.StartRowAsync();
                foreach (var c in columns) await WriteAsync(import, c.Value(row));
            }
            await import.CompleteAsync();
            return;
        }
        var sqlite = (SqliteConnection)db.Database.GetDbConnection();
        await using var transaction = (SqliteTransaction)await sqlite.BeginTransactionAsync();
        await using var command = sqlite.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        for (var i = 0; i < columns.Count; i++) command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++) command.Parameters[i].Value = ToSqlite(columns[i].Value(row));
            await command.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    private static object ToSqlite(object? value) => value switch
    {
        null => DBNull.Value,
        Guid g => g.ToString().ToUpperInvariant(),
        bool b => b ? 1 : 0,
        _ => value,
    };

    private static Task WriteAsync(NpgsqlBinaryImporter import, object? value) => value switch
    {
        null => import.WriteNullAsync(),
        Guid g => import.WriteAsync(g, NpgsqlDbType.Uuid),
        string s => import.WriteAsync(s, NpgsqlDbType.Text),
        DateTime d => import.WriteAsync(DateTime.SpecifyKind(d, DateTimeKind.Utc), NpgsqlDbType.TimestampTz),
        bool b => import.WriteAsync(b, NpgsqlDbType.Boolean),
        int i => import.WriteAsync(i, NpgsqlDbType.Integer),
        double x => import.WriteAsync(x, NpgsqlDbType.Double),
        TimeSpan t => import.WriteAsync(t, NpgsqlDbType.Interval),
        byte[] bytes => import.WriteAsync(bytes, NpgsqlDbType.Bytea),
        _ => throw new NotSupportedException($"No COPY mapping for {value.GetType()}"),
    };
}
