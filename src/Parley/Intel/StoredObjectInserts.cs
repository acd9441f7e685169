using System.Text;
using Microsoft.EntityFrameworkCore;
using Parley.Data;

namespace Parley.Intel;

/// Multi-row INSERTs for imports: change tracking and one round trip per row (to read back the
/// generated Seq) cost far more than the rows themselves. Parameters go through EF's own type
/// mappings, so values are stored exactly as the entity would store them.
public static class StoredObjectInserts
{
    private const int RowsPerStatement = 100;

    private static readonly string Head = "INSERT INTO \"StixObjects\" (" + string.Join(", ", new[]
    {
        "MechanismId", "CollectionId", "StixId", "Type", "SpecVersion", "Version", "VersionText", "DateAdded", "IsLast", "IsFirst",
        "Tlp", "MarkingRefs", "SourcePartyId", "SourceAgencyId", "SourceUserId", "RecipientPartyId", "RecipientAgencyId", "Json",
    }.Select(c => $"\"{c}\"")) + ") VALUES ";

    public static async Task InsertAsync(ParleyDbContext db, IReadOnlyList<StoredObject> rows, CancellationToken ct)
    {
        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            var sql = new StringBuilder(Head);
            var values = new List<object>();
            for (var i = start; i < Math.Min(start + RowsPerStatement, rows.Count); i++)
            {
                var o = rows[i];
                if (i > start) sql.Append(", ");
                sql.Append('(');
                Add(sql, values, o.MechanismId); Add(sql, values, o.CollectionId); Add(sql, values, o.StixId); Add(sql, values, o.Type);
                Add(sql, values, o.SpecVersion); Add(sql, values, o.Version); Add(sql, values, o.VersionText); Add(sql, values, o.DateAdded);
                Add(sql, values, o.IsLast); Add(sql, values, o.IsFirst); Add(sql, values, o.Tlp?.ToString()); Add(sql, values, o.MarkingRefs);
                Add(sql, values, o.SourcePartyId); Add(sql, values, o.SourceAgencyId); Add(sql, values, o.SourceUserId);
                Add(sql, values, o.RecipientPartyId); Add(sql, values, o.RecipientAgencyId); Add(sql, values, o.Json, last: true);
                sql.Append(')');
            }
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), values, ct);
        }
    }

    // Nulls are written as NULL: a parameter without a value has no type for the provider to go by.
    private static void Add(StringBuilder sql, List<object> values, object? value, bool last = false)
    {
        if (value is null) sql.Append("NULL");
        else
        {
            sql.Append('{').Append(values.Count).Append('}');
            values.Add(value);
        }
        if (!last) sql.Append(", ");
    }
}
