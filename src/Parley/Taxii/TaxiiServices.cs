using Microsoft.Extensions.Options;
using Parley.Audit;
using Parley.Data;
using Parley.Directory;
using Parley.Identity;
using Parley.Intel;

namespace Parley.Taxii;

public sealed class TaxiiServices(ParleyDbContext db, ReadConnections connections, DirectoryCache directory, IOptions<TaxiiOptions> options, StixIngest ingest, TimeProvider time,
    ReadAuditQueue readAudit, CollectionChanges changes, NewestVersionsCache newestVersions)
{
    public ParleyDbContext Db => db;
    /// A pooled connection for the plain page read, without the DbContext.
    public ReadConnections Connections => connections;
    public DirectoryCache Directory => directory;
    public TaxiiOptions Options => options.Value;
    public StixIngest Ingest => ingest;
    public TimeProvider Time => time;
    /// Where reads are recorded: they are written together, apart from any change.
    public ReadAuditQueue ReadAudit => readAudit;
    /// Where a change to a collection's objects is announced once committed.
    public CollectionChanges Changes => changes;
    /// The newest versions of each collection, held for GET objects by `next` and `limit`.
    public NewestVersionsCache NewestVersions => newestVersions;

    /// The API root of a mechanism the caller's party belongs to; any other root does not exist for the caller.
    public async Task<(Mechanism? Mechanism, DirectoryCache.DirectorySnapshot Dir)> RootAsync(string root, Actor actor, CancellationToken ct)
    {
        var dir = await directory.GetAsync(db, ct);
        var mechanism = dir.Mechanisms.Values.FirstOrDefault(m => m.Code.Equals(root, StringComparison.OrdinalIgnoreCase));
        return (mechanism is not null && SharingCollection.IsMember(actor, mechanism) ? mechanism : null, dir);
    }

    public async Task<SharingCollection?> CollectionAsync(string root, string collectionId, Actor actor, CancellationToken ct)
    {
        var (mechanism, dir) = await RootAsync(root, actor, ct);
        return mechanism is null || !Guid.TryParse(collectionId, out var id) ? null : SharingCollection.Find(mechanism, dir, id);
    }

    public static string RootPath(Mechanism mechanism) => $"/taxii2/{mechanism.Code.ToLowerInvariant()}/";
}
