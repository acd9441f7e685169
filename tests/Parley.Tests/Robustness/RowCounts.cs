using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Robustness;

/// The number of rows in every table of the model, in one round trip: a refused request must leave it unchanged.
public static class RowCounts
{
    public static Task<long> TotalAsync(TestApp app) => app.WithDbAsync(async db =>
    {
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Order().ToList();
        var sql = "SELECT " + string.Join(" + ", tables.Select(t => $"(SELECT COUNT(*) FROM \"{t}\")")) + " AS \"Value\"";
        return await db.Database.SqlQueryRaw<long>(sql).SingleAsync();
    });
}
