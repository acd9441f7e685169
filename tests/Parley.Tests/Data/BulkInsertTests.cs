using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Intel;
using Parley.Stix.Markings;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Data;

/// Imports write rows around EF (COPY in text format on PostgreSQL; on SQLite, values bound by position through
/// SQLitePCL). A row written so must be stored exactly as SaveChanges stores the same values, down to the
/// backslashes, tabs and line breaks COPY's text format escapes.
public abstract class BulkInsertTests(DatabaseKind kind) : AppTest(kind)
{
    private StoredObject Row(string stixId, TlpLevel? tlp, Guid? recipient) => new()
    {
        MechanismId = App.Directory.Mechanism.Id, CollectionId = Guid.NewGuid(), StixId = stixId, Type = "indicator", SpecVersion = "2.1",
        Version = new DateTime(2026, 3, 1, 8, 0, 0, 123, DateTimeKind.Utc).AddTicks(4560), VersionText = "2026-03-01T08:00:00.123456Z",
        DateAdded = new DateTime(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc), IsLast = true, IsFirst = false, Tlp = tlp,
        MarkingRefs = tlp is null ? null : "marking-definition--x", SourcePartyId = Guid.NewGuid(), SourceAgencyId = Guid.NewGuid(), SourceUserId = null,
        RecipientPartyId = recipient, RecipientAgencyId = recipient, Json = "{\"type\":\"indicator\",\"name\":\"ü — 漢字 'quoted'\",\n\t\"path\":\"C:\\\\temp\\\\new \\\\N\"}\r\n",
    };

    [Fact]
    public async Task RowsWrittenInBulk_AreStoredAsSaveChangesStoresThem()
    {
        var samples = new (TlpLevel? Tlp, Guid? Recipient)[] { (null, null), (TlpLevel.Red, Guid.NewGuid()), (TlpLevel.Green, null) };
        await App.WithDbAsync(async db =>
        {
            var columns = db.Model.FindEntityType(typeof(StoredObject))!.GetProperties().Select(p => p.GetColumnName()).Where(c => c is not "Seq" and not "StixId").ToList();
            foreach (var (tlp, recipient) in samples)
            {
                var saved = Row($"indicator--{Guid.NewGuid()}", tlp, recipient);
                db.StixObjects.Add(saved);
                await db.SaveChangesAsync();
                var bulk = Row($"indicator--{Guid.NewGuid()}", tlp, recipient);
                foreach (var p in typeof(StoredObject).GetProperties().Where(p => p.Name is not nameof(StoredObject.Seq) and not nameof(StoredObject.StixId)))
                    p.SetValue(bulk, p.GetValue(saved));
                await using (var tx = await db.Database.BeginTransactionAsync())
                {
                    await new BulkInsert<StoredObject>(db).InsertAsync(db, [bulk], default);
                    await tx.CommitAsync();
                }
                Assert.Equal(await StoredAsync(db, columns, saved.StixId), await StoredAsync(db, columns, bulk.StixId));
            }
            return 0;
        });
    }

    /// Each column as the database itself spells it: SQLite's quote() keeps the storage class apart (text vs integer vs blob).
    private static async Task<List<string>> StoredAsync(ParleyDbContext db, List<string> columns, string stixId)
    {
        var postgres = db.Database.IsNpgsql();
        var select = string.Join(", ", columns.Select(c => postgres ? $"coalesce(\"{c}\"::text, 'NULL')" : $"quote(\"{c}\")"));
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {select} FROM \"StixObjects\" WHERE \"StixId\" = @id";
        command.AddParameter("id", stixId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var values = Enumerable.Range(0, columns.Count).Select(i => $"{columns[i]}={reader.GetString(i)}").ToList();
        await db.Database.CloseConnectionAsync();
        return values;
    }
}

public sealed class BulkInsertOnSqlite() : BulkInsertTests(DatabaseKind.Sqlite);

public sealed class BulkInsertOnPostgres() : BulkInsertTests(DatabaseKind.Postgres);
