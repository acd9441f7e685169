using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Parley.Data;

/// Writes provider values (after EF's converters) as the rows of a COPY in PostgreSQL's text format: values
/// separated by tabs, a row per line, NULL as \N, backslash escapes in strings.
/// Text rather than Npgsql's binary importer: the importer resolves a type and runs a parameter's converter
/// for every value (a fifth of a fresh import process's thread-pool time on PostgreSQL); formatting a row is a
/// few appends. Each value is written as it would read back (`BulkInsertTests` holds rows equal to SaveChanges).
/// Its methods run for every value of an import: they are compiled optimized at once (see StixValidator's remarks).
internal static class PostgresCopy
{
    private static readonly SearchValues<char> Escaped = SearchValues.Create("\\\t\n\r");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(TextWriter row, object? value)
    {
        switch (value)
        {
            case null: row.Write("\\N"); break;
            case string s: WriteText(row, s); break;
            case Guid g: Format(row, g, "D"); break;
            // The app stores UTC instants in timestamptz columns; Npgsql maps the extremes to ±infinity.
            case DateTime d when d == DateTime.MinValue: row.Write("-infinity"); break;
            case DateTime d when d == DateTime.MaxValue: row.Write("infinity"); break;
            case DateTime d: WriteInstant(row, d); break;
            case DateTimeOffset d: WriteInstant(row, d.UtcDateTime); break;
            case DateOnly d when d == DateOnly.MinValue: row.Write("-infinity"); break;
            case DateOnly d when d == DateOnly.MaxValue: row.Write("infinity"); break;
            case DateOnly d: Format(row, d, "yyyy-MM-dd"); break;
            case bool b: row.Write(b ? 't' : 'f'); break;
            case short i: Format(row, i, null); break;
            case int i: Format(row, i, null); break;
            case long i: Format(row, i, null); break;
            case double x when double.IsNaN(x): row.Write("NaN"); break;
            case double x when double.IsPositiveInfinity(x): row.Write("Infinity"); break;
            case double x when double.IsNegativeInfinity(x): row.Write("-Infinity"); break;
            case double x: Format(row, x, "R"); break;
            case decimal x: Format(row, x, null); break;
            case byte[] bytes:
                row.Write("\\\\x");
                row.Write(Convert.ToHexString(bytes));
                break;
            default: throw new NotSupportedException($"No COPY mapping for {value.GetType()}.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteText(TextWriter row, string s)
    {
        var rest = s.AsSpan();
        int at;
        while ((at = rest.IndexOfAny(Escaped)) >= 0)
        {
            row.Write(rest[..at]);
            row.Write(rest[at] switch { '\\' => "\\\\", '\t' => "\\t", '\n' => "\\n", _ => "\\r" });
            rest = rest[(at + 1)..];
        }
        row.Write(rest);
    }

    private static void WriteInstant(TextWriter row, DateTime instant)
    {
        Span<char> text = stackalloc char[MicrosecondText.Length + 3];
        MicrosecondText.Write(text, instant, ' ');
        "+00".CopyTo(text[MicrosecondText.Length..]);
        row.Write(text);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Format<TValue>(TextWriter row, TValue value, string? format) where TValue : ISpanFormattable
    {
        Span<char> text = stackalloc char[64];
        if (!value.TryFormat(text, out var length, format, CultureInfo.InvariantCulture))
            throw new InvalidOperationException($"{value} does not fit a COPY field.");
        row.Write(text[..length]);
    }
}
