using Microsoft.EntityFrameworkCore;
using Parley.Data;

namespace Parley.Intel;

/// How a change to a collection's stored objects becomes known to whoever holds the collection in memory:
/// counted in the database inside the change's own transaction, for other processes (`parley import stix`,
/// another server on the same PostgreSQL), and announced in this process once committed, for its own.
public sealed class CollectionChanges
{
    /// Raised after a change to a collection's objects is committed in this process.
    public event Action<Guid>? Committed;

    public void Announce(Guid collectionId) => Committed?.Invoke(collectionId);

    /// Counts a change to the collection; call it inside the transaction that makes the change.
    public static Task CountAsync(ParleyDbContext db, Guid collectionId, CancellationToken ct)
    {
        object key = db.Database.IsNpgsql() ? collectionId : CommandParameters.SqliteText(collectionId);
        return db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "StixCollectionVersions" ("CollectionId", "Version") VALUES ({0}, 1)
            ON CONFLICT ("CollectionId") DO UPDATE SET "Version" = "StixCollectionVersions"."Version" + 1
            """, [key], ct);
    }

    /// The collection's count of changes as committed now; 0 before the first.
    public static async Task<long> ReadAsync(ReadConnections connections, Guid collectionId, CancellationToken ct)
    {
        await using var session = await connections.RentAsync(ct);
        var command = session.Command("""SELECT "Version" FROM "StixCollectionVersions" WHERE "CollectionId" = @collection""");
        command.AddParameter("collection", connections.Key(collectionId));
        return await command.ExecuteScalarAsync(ct) is { } version and not DBNull ? Convert.ToInt64(version, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }
}
