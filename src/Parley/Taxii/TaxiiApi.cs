using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Parley.Identity;
using Parley.Intel;

namespace Parley.Taxii;

/// TAXII 2.1 under /taxii2/: discovery, one API root per mechanism, its collections, objects,
/// manifest, versions and status. Errors use the TAXII error message, not problem details.
public static class TaxiiApi
{
    public static RouteGroupBuilder MapTaxii(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/taxii2").WithTags("TAXII 2.1").ExcludeFromDescription();
        // The gate answers 401 itself, with WWW-Authenticate and a TAXII body, and enforces
        // max_content_length with a TAXII 413; the app-wide body limit stays out of the way.
        group.AllowAnonymous().WithMetadata(new DisableRequestSizeLimitAttribute()).AddEndpointFilter<TaxiiGate>();

        group.MapGet("/", Discovery);
        group.MapGet("/{root}/", ApiRootAsync);
        group.MapGet("/{root}/status/{statusId}/", TaxiiStatusEndpoint.GetAsync);
        group.MapGet("/{root}/collections/", CollectionsAsync);
        group.MapGet("/{root}/collections/{collectionId}/", CollectionAsync);
        group.MapGet("/{root}/collections/{collectionId}/objects/", TaxiiObjects.GetAsync);
        group.MapPost("/{root}/collections/{collectionId}/objects/", TaxiiAddObjects.PostAsync);
        group.MapGet("/{root}/collections/{collectionId}/objects/{objectId}/", TaxiiObjects.GetOneAsync);
        group.MapDelete("/{root}/collections/{collectionId}/objects/{objectId}/", TaxiiDelete.DeleteAsync);
        group.MapGet("/{root}/collections/{collectionId}/objects/{objectId}/versions/", TaxiiObjects.VersionsAsync);
        group.MapGet("/{root}/collections/{collectionId}/manifest/", TaxiiObjects.ManifestAsync);
        group.MapTaxiiFallback();
        return group;
    }

    private sealed record DiscoveryResource(string Title, string Description, string? Default, IReadOnlyList<string> ApiRoots);
    private sealed record ApiRootResource(string Title, string? Description, IReadOnlyList<string> Versions, long MaxContentLength);
    private sealed record CollectionResource(string Id, string Title, string Description, bool CanRead, bool CanWrite, IReadOnlyList<string> MediaTypes);
    private sealed record CollectionsResource(IReadOnlyList<CollectionResource>? Collections);

    private static async Task<IResult> Discovery(HttpContext http, ClaimsPrincipal user, TaxiiServices s)
    {
        var actor = Actor.From(user);
        var dir = await s.Directory.GetAsync(s.Db, http.RequestAborted);
        var roots = dir.Mechanisms.Values.Where(m => SharingCollection.IsMember(actor, m)).OrderBy(m => m.Code, StringComparer.Ordinal)
            .Select(m => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{TaxiiServices.RootPath(m)}").ToList();
        return new TaxiiResult(new DiscoveryResource(s.Options.Title,
            "STIX 2.1 threat intelligence shared within Parley's cooperation mechanisms; one API root per mechanism.",
            roots.Count == 1 ? roots[0] : null, roots));
    }

    private static async Task<IResult> ApiRootAsync(string root, ClaimsPrincipal user, TaxiiServices s, CancellationToken ct)
    {
        var (mechanism, _) = await s.RootAsync(root, Actor.From(user), ct);
        if (mechanism is null) return TaxiiError.NotFound($"No API root '{root}'.");
        return new TaxiiResult(new ApiRootResource(mechanism.Name, mechanism.Description, [TaxiiMedia.Type], s.Options.MaxContentLength));
    }

    private static async Task<IResult> CollectionsAsync(string root, ClaimsPrincipal user, TaxiiServices s, CancellationToken ct)
    {
        var actor = Actor.From(user);
        var (mechanism, dir) = await s.RootAsync(root, actor, ct);
        if (mechanism is null) return TaxiiError.NotFound($"No API root '{root}'.");
        var list = SharingCollection.For(mechanism, dir).Select(c => Resource(c, actor)).ToList();
        return new TaxiiResult(new CollectionsResource(list.Count == 0 ? null : list));
    }

    private static async Task<IResult> CollectionAsync(string root, string collectionId, ClaimsPrincipal user, TaxiiServices s, CancellationToken ct)
    {
        var actor = Actor.From(user);
        var collection = await s.CollectionAsync(root, collectionId, actor, ct);
        return collection is null ? TaxiiError.NotFound($"No collection '{collectionId}'.") : new TaxiiResult(Resource(collection, actor));
    }

    private static CollectionResource Resource(SharingCollection c, Actor actor) =>
        new(c.Id.ToString(), c.Title, c.Description, SharingCollection.CanRead(actor, c.Mechanism), SharingCollection.CanWrite(actor, c.Mechanism), [TaxiiMedia.Stix]);
}
