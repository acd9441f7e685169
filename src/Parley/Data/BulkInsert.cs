using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Parley.Data;

/// Inserts many rows of one entity type inside the context's current transaction: COPY (text format) on
/// PostgreSQL, a prepared single-row INSERT on SQLite. Imports use it because change tracking, and a
/// round trip per row to read back generated keys, cost far more than the rows themselves. Values go
/// through EF's own type mappings and converters, so they are stored exactly as SaveChanges would store
/// them. An identity key is left out for the database to fill in.
public sealed class BulkInsert<T> where T : class
{
    private readonly (IProperty Property, Func<T, object?> Get, RelationalTypeMapping Mapping)[] _columns;
    private readonly string _table;
    private readonly string _columnList;
    private readonly ISqlGenerationHelper _sql;
    private readonly bool _positional;

    public BulkInsert(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        _columns = entity.GetProperties()
            .Where(p => !IsStoreGenerated(p))
            .Where(p => p.PropertyInfo is not null)
            .Select(p => (p, Getter(p), (RelationalTypeMapping)p.GetRelationalTypeMapping()))
            .ToArray();
        _sql = db.GetService<ISqlGenerationHelper>();
        _table = _sql.DelimitIdentifier(table.Name, table.Schema);
        _columnList = string.Join(", ", _columns.Select(c => _sql.DelimitIdentifier(c.Property.GetColumnName(table)!)));
        _positional = _columns.All(c => SqlitePositionalInsert.Binds(c.Mapping.Converter?.ProviderClrType ?? c.Mapping.ClrType)
            && c.Mapping.DbType is null or System.Data.DbType.String or System.Data.DbType.Int64 or System.Data.DbType.Int32 or System.Data.DbType.Boolean
                or System.Data.DbType.DateTime or System.Data.DbType.DateTime2 or System.Data.DbType.Double or System.Data.DbType.Binary or System.Data.DbType.Int16 or System.Data.DbType.Byte or System.Data.DbType.Guid);
    }

    public async Task InsertAsync(DbContext db, IReadOnlyList<T> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (connection is NpgsqlConnection postgres) await CopyAsync(postgres, rows, ct);
            else await InsertRowsAsync(db, connection, rows, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// Up to this many rows, <see cref="InsertFewAsync"/> writes one statement.
    public const int Few = 100;

    /// A handful of rows (a save's audit entries) as one INSERT statement on every database: for a few rows,
    /// COPY's extra round trip and preparing a statement cost more than they save. More than <see cref="Few"/>
    /// rows go the bulk way (a statement has at most 32,766 parameters on SQLite).
    public async Task InsertFewAsync(DbContext db, IReadOnlyList<T> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        if (rows.Count > Few)
        {
            await InsertAsync(db, rows, ct);
            return;
        }
        await using var command = Build(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), rows.Count);
        await ExecuteAsync(command, rows, 0, rows.Count, ct);
    }

    private async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<T> rows, CancellationToken ct)
    {
        // Disposing the writer ends the COPY and commits its rows to the transaction; a failure part-way cancels it.
        await using var import = await connection.BeginTextImportAsync($"COPY {_table} ({_columnList}) FROM STDIN", ct);
        try
        {
            foreach (var row in rows)
            {
                for (var i = 0; i < _columns.Length; i++)
                {
                    if (i > 0) import.Write('\t');
                    PostgresCopy.Write(import, ProviderValue(_columns[i].Mapping, _columns[i].Get(row)));
                }
                import.Write('\n');
            }
        }
        catch
        {
            await import.CancelAsync();
            throw;
        }
    }

    // One row per statement: Microsoft.Data.Sqlite binds each parameter by name, which SQLite looks up
    // with a linear scan: a 100-row INSERT (1,900 parameters) cost more CPU than 100 single-row ones
    // (STIX import: ~3,700 against ~4,800 objects per CPU-second). Bound by position where every column's
    // type allows it.
    private async Task InsertRowsAsync(DbContext db, DbConnection connection, IReadOnlyList<T> rows, CancellationToken ct)
    {
        if (connection is SqliteConnection sqlite && _positional)
        {
            using var insert = new SqlitePositionalInsert(sqlite, $"INSERT INTO {_table} ({_columnList}) VALUES ({string.Join(", ", _columns.Select((_, i) => $"?{i + 1}"))})");
            foreach (var row in rows)
            {
                for (var i = 0; i < _columns.Length; i++) insert.Bind(i + 1, ProviderValue(_columns[i].Mapping, _columns[i].Get(row)));
                insert.Execute();
            }
            return;
        }
        await using var command = await PrepareAsync(connection, db.Database.CurrentTransaction?.GetDbTransaction(), 1, ct);
        for (var i = 0; i < rows.Count; i++) await ExecuteAsync(command, rows, i, 1, ct);
    }

    private async Task<DbCommand> PrepareAsync(DbConnection connection, DbTransaction? transaction, int rowCount, CancellationToken ct)
    {
        var command = Build(connection, transaction, rowCount);
        await command.PrepareAsync(ct);
        return command;
    }

    private DbCommand Build(DbConnection connection, DbTransaction? transaction, int rowCount)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var tuples = new List<string>(rowCount);
        for (var r = 0; r < rowCount; r++)
        {
            var placeholders = new string[_columns.Length];
            for (var i = 0; i < _columns.Length; i++)
            {
                var (property, _, mapping) = _columns[i];
                placeholders[i] = _sql.GenerateParameterNamePlaceholder($"p{r}_{i}");
                // Named as the SQL spells them: SQLite otherwise tries each prefix in turn on every bind.
                command.Parameters.Add(mapping.CreateParameter(command, _sql.GenerateParameterName($"p{r}_{i}"), null, property.IsNullable));
            }
            tuples.Add($"({string.Join(", ", placeholders)})");
        }
        command.CommandText = $"INSERT INTO {_table} ({_columnList}) VALUES {string.Join(", ", tuples)}";
        return command;
    }

    private async Task ExecuteAsync(DbCommand command, IReadOnlyList<T> rows, int start, int count, CancellationToken ct)
    {
        var parameters = command.Parameters;
        for (var r = 0; r < count; r++)
        {
            var row = rows[start + r];
            for (var i = 0; i < _columns.Length; i++)
                parameters[r * _columns.Length + i].Value = ProviderValue(_columns[i].Mapping, _columns[i].Get(row)) ?? DBNull.Value;
        }
        await command.ExecuteNonQueryAsync(ct);
    }

    private static object? ProviderValue(RelationalTypeMapping mapping, object? value) =>
        mapping.Converter is { } converter && value is not null ? converter.ConvertToProvider(value) : value;

    // Guid keys are generated by EF on the client, and set by the caller here; integer keys are identity columns.
    private static bool IsStoreGenerated(IProperty property) =>
        property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && property.ClrType != typeof(Guid);

    private static Func<T, object?> Getter(IProperty property)
    {
        var row = Expression.Parameter(typeof(T));
        var body = Expression.Convert(Expression.Property(row, property.PropertyInfo!), typeof(object));
        return Expression.Lambda<Func<T, object?>>(body, row).Compile();
    }
}
