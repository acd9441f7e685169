using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Parley.Identity;
using Parley.Intel;
using Parley.Audit;

namespace Parley.Taxii;

/// The read side of a collection: objects, one object, its versions, and the manifest.
/// Every query carries the TLP filter, so paging never counts what the caller may not see.
public static class TaxiiObjects
{
    private sealed record ManifestRecord(string Id, string DateAdded, string Version, string MediaType);

    public static Task<IResult> GetAsync(string root, string collectionId, HttpContext http, ClaimsPrincipal user, TaxiiServices s, CancellationToken ct) =>
        ListAsync(root, collectionId, null, http, user, s, ct, (page, q) => Objects(page, q), plainPage: true);

    public static Task<IResult> GetOneAsync(string root, string collectionId, string objectId, HttpContext http, ClaimsPrincipal user, TaxiiServices s, CancellationToken ct) =>
        ListAsync(root, collectionId, objectId, http, user, s, ct, (page, q) => Objects(page, q));

    public static Task<IResult> ManifestAsync(string root, string collectionId, HttpContext http, ClaimsPrincipal user, TaxiiServices s, CancellationToken ct) =>
        ListAsync(root, collectionId, null, http, user, s, ct, async (page, q) =>
        {
            var rows = await page.Select(o => new { o.Seq, o.StixId, o.DateAdded, o.VersionText }).ToListAsync(ct);
            return rows.Select(r => (r.Seq, new TaxiiPage.Item(r.DateAdded, null,
                new ManifestRecord(r.StixId, StoredVersions.Format(r.DateAdded), r.VersionText, TaxiiMedia.Stix)))).ToList();
        }, "objects");

    public static Task<IResult> VersionsAsync(string root, string collectionId, string objectId, HttpContext http, ClaimsPrincipal user, TaxiiServices s, CancellationToken ct) =>
        ListAsync(root, collectionId, objectId, http, user, s, ct, async (page, q) =>
        {
            var rows = await page.Select(o => new { o.Seq, o.DateAdded, o.VersionText }).ToListAsync(ct);
            return rows.Select(r => (r.Seq, new TaxiiPage.Item(r.DateAdded, null, r.VersionText))).ToList();
        }, "versions", versionsList: true);

    private static async Task<List<(long Seq, TaxiiPage.Item Item)>> Objects(IQueryable<StoredObject> page, TaxiiQuery q)
    {
        var rows = await page.Select(o => new { o.Seq, o.DateAdded, o.Json }).ToListAsync();
        return rows.Select(r => (r.Seq, new TaxiiPage.Item(r.DateAdded, r.Json, null))).ToList();
    }

    private static async Task<IResult> ListAsync(string root, string collectionId, string? objectId, HttpContext http, ClaimsPrincipal user,
        TaxiiServices s, CancellationToken ct, Func<IQueryable<StoredObject>, TaxiiQuery, Task<List<(long Seq, TaxiiPage.Item Item)>>> read,
        string listName = "objects", bool versionsList = false, bool plainPage = false)
    {
        var actor = Actor.From(user);
        var collection = await s.CollectionAsync(root, collectionId, actor, ct);
        if (collection is null) return TaxiiError.NotFound($"No collection '{collectionId}' in API root '{root}'.");
        if (!SharingCollection.CanRead(actor, collection.Mechanism)) return TaxiiError.Forbidden("You may not read this collection.");
        var query = TaxiiQuery.Parse(http.Request.Query, s.Options, versionsList ? "all" : "last", out var error);
        if (query is null) return TaxiiError.BadRequest(error!);

        // Built only when used: the DbContext's first use costs more than the plain page read.
        IQueryable<StoredObject> Visible()
        {
            var visible = s.Db.StixObjects.AsNoTracking().Where(o => o.CollectionId == collection.Id).Where(TlpAccess.Readable(TlpAccess.Reader.Of(actor)));
            return objectId is null ? visible : visible.Where(o => o.StixId == objectId);
        }
        var rows = !plainPage || !TaxiiObjectsPage.Covers(query)
            ? await read(query.Apply(Visible(), versions: !versionsList).OrderBy(o => o.Seq).Take(query.Limit + 1), query)
            : query.AddedAfter is null && s.NewestVersions.Enabled
                ? await s.NewestVersions.ReadAsync(collection.Id, TlpAccess.Reader.Of(actor), query.Next ?? 0, query.Limit + 1, ct)
                : await TaxiiObjectsPage.ReadAsync(s.Connections, collection.Id, TlpAccess.Reader.Of(actor), query, query.Limit + 1, ct);
        if (objectId is not null && rows.Count == 0 && !await Visible().AnyAsync(ct))
            return TaxiiError.NotFound($"No object '{objectId}' in this collection.");
        await s.ReadAudit.RecordAsync($"taxii.{http.Request.Path.Value?.TrimEnd('/').Split('/')[^1] switch { "manifest" => "manifest", "versions" => "versions", _ => "objects" }}.read",
            "Collection", collection.Id.ToString(), new Dictionary<string, string?> { ["object"] = objectId, ["query"] = http.Request.QueryString.Value, ["count"] = rows.Count.ToString() },
            AuditActor.From(user), ct);
        var more = rows.Count > query.Limit;
        if (more) rows.RemoveAt(rows.Count - 1);
        var next = more ? rows[^1].Seq.ToString(CultureInfo.InvariantCulture) : null;
        return new TaxiiPage(listName, more, next, rows.Select(r => r.Item).ToList());
    }
}
