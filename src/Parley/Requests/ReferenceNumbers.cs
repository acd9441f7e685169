using Microsoft.EntityFrameworkCore;
using Parley.Data;

namespace Parley.Requests;

/// Hands out US-CN-2026-0042 style references: one gap-free sequence per mechanism, direction and year.
public static class ReferenceNumbers
{
    public static async Task<string> NextAsync(ParleyDbContext db, Guid mechanismId, string fromCode, string toCode, int year, CancellationToken ct)
    {
        var direction = $"{fromCode}-{toCode}";
        // One atomic upsert: it takes the row lock, so concurrent submissions serialise here and
        // the number is rolled back with the rest of the transaction if anything fails.
        var numbers = await db.Database.SqlQuery<int>($"""
            INSERT INTO "ReferenceCounters" ("MechanismId", "Direction", "Year", "LastNumber")
            VALUES ({mechanismId}, {direction}, {year}, 1)
            ON CONFLICT ("MechanismId", "Direction", "Year")
            DO UPDATE SET "LastNumber" = "ReferenceCounters"."LastNumber" + 1
            RETURNING "LastNumber" AS "Value"
            """).ToListAsync(ct);
        return $"{direction}-{year}-{numbers[0]:0000}";
    }
}
