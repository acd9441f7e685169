using Npgsql;
using NpgsqlTypes;

namespace Parley.Data;

/// Writes one provider value (after EF's converters) into a binary COPY row with its PostgreSQL type.
internal static class PostgresCopy
{
    public static Task WriteAsync(NpgsqlBinaryImporter import, object? value, CancellationToken ct) => value switch
    {
        null => import.WriteNullAsync(ct),
        Guid g => import.WriteAsync(g, NpgsqlDbType.Uuid, ct),
        string s => import.WriteAsync(s, NpgsqlDbType.Text, ct),
        // The app stores UTC instants in timestamptz columns.
        DateTime d => import.WriteAsync(DateTime.SpecifyKind(d, DateTimeKind.Utc), NpgsqlDbType.TimestampTz, ct),
        DateTimeOffset d => import.WriteAsync(d, NpgsqlDbType.TimestampTz, ct),
        bool b => import.WriteAsync(b, NpgsqlDbType.Boolean, ct),
        short i => import.WriteAsync(i, NpgsqlDbType.Smallint, ct),
        int i => import.WriteAsync(i, NpgsqlDbType.Integer, ct),
        long i => import.WriteAsync(i, NpgsqlDbType.Bigint, ct),
        double x => import.WriteAsync(x, NpgsqlDbType.Double, ct),
        decimal x => import.WriteAsync(x, NpgsqlDbType.Numeric, ct),
        TimeSpan t => import.WriteAsync(t, NpgsqlDbType.Interval, ct),
        DateOnly d => import.WriteAsync(d, NpgsqlDbType.Date, ct),
        byte[] bytes => import.WriteAsync(bytes, NpgsqlDbType.Bytea, ct),
        _ => throw new NotSupportedException($"No COPY mapping for {value.GetType()}."),
    };
}
