using Npgsql;
using NpgsqlTypes;

namespace Parley.Data;

/// Writes one provider value (after EF's converters) into a binary COPY row with its PostgreSQL type.
/// Synchronously: a value goes into Npgsql's buffer, which is sent when full; awaiting each of a row's
/// values cost more than the rare wait for the socket.
internal static class PostgresCopy
{
    public static void Write(NpgsqlBinaryImporter import, object? value)
    {
        switch (value)
        {
            case null: import.WriteNull(); break;
            case Guid g: import.Write(g, NpgsqlDbType.Uuid); break;
            case string s: import.Write(s, NpgsqlDbType.Text); break;
            // The app stores UTC instants in timestamptz columns.
            case DateTime d: import.Write(DateTime.SpecifyKind(d, DateTimeKind.Utc), NpgsqlDbType.TimestampTz); break;
            case DateTimeOffset d: import.Write(d, NpgsqlDbType.TimestampTz); break;
            case bool b: import.Write(b, NpgsqlDbType.Boolean); break;
            case short i: import.Write(i, NpgsqlDbType.Smallint); break;
            case int i: import.Write(i, NpgsqlDbType.Integer); break;
            case long i: import.Write(i, NpgsqlDbType.Bigint); break;
            case double x: import.Write(x, NpgsqlDbType.Double); break;
            case decimal x: import.Write(x, NpgsqlDbType.Numeric); break;
            case TimeSpan t: import.Write(t, NpgsqlDbType.Interval); break;
            case DateOnly d: import.Write(d, NpgsqlDbType.Date); break;
            case byte[] bytes: import.Write(bytes, NpgsqlDbType.Bytea); break;
            default: throw new NotSupportedException($"No COPY mapping for {value.GetType()}.");
        }
    }
}
