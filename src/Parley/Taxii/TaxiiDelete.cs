using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Parley.Identity;
using Parley.Intel;
using Parley.Audit;

namespace Parley.Taxii;

public static class TaxiiDelete
{
    /// Deletes the matching versions (all of them unless match[version] says otherwise). Only the
    /// party that shared an object may delete it; what the caller cannot see does not exist for it.
    public static async Task<IResult> DeleteAsync(string root, string collectionId, string objectId, HttpContext http, ClaimsPrincipal user, TaxiiServices s, CancellationToken ct)
    {
        var actor = Actor.From(user);
        var collection = await s.CollectionAsync(root, collectionId, actor, ct);
        if (collection is null) return TaxiiError.NotFound($"No collection '{collectionId}' in API root '{root}'.");
        if (!SharingCollection.CanWrite(actor, collection.Mechanism)) return TaxiiError.Forbidden("You may not change this collection.");
        var query = TaxiiQuery.Parse(http.Request.Query, s.Options, "all", out var error);
        if (query is null) return TaxiiError.BadRequest(error!);

        var matching = query.Apply(s.Db.StixObjects.Where(o => o.CollectionId == collection.Id && o.StixId == objectId)
            .Where(TlpAccess.Readable(TlpAccess.Reader.Of(actor))));
        var sources = await matching.Select(o => o.SourcePartyId).Distinct().ToListAsync(ct);
        if (sources.Count == 0) return TaxiiError.NotFound($"No object '{objectId}' in this collection.");
        if (sources.Any(p => p != actor.PartyId)) return TaxiiError.Forbidden("Only the party that shared an object may delete it.");

        await using var tx = await s.Db.Database.BeginTransactionAsync(ct);
        await matching.ExecuteDeleteAsync(ct);
        await StoredVersions.RecomputeFlagsAsync(s.Db, collection.Id, [objectId], ct);
        await CollectionChanges.CountAsync(s.Db, collection.Id, ct);
        await s.Db.RecordAsync("stix.delete", "StixObject", objectId, new Dictionary<string, string?> { ["collection"] = collection.Id.ToString(), ["query"] = http.Request.QueryString.Value }, ct);
        await tx.CommitAsync(ct);
        s.Changes.Announce(collection.Id);
        return TypedResults.Ok();
    }
}
