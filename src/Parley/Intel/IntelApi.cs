using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Parley.Data;
using Parley.Directory;
using Parley.Identity;
using Parley.Incidents.Import;
using Parley.Stix;
using RegisterSummary = Parley.Incidents.Import.ImportSummary;
using Parley.Audit;

namespace Parley.Intel;

/// STIX bundles in and out of a mechanism's collections over the REST API.
public static class IntelApi
{
    public const string MediaType = "application/stix+json;version=2.1";

    /// <paramref name="IncidentRegister"/>: what the bundle's incident objects did to the incident register (analysts only).
    public sealed record ImportSummary(string? BundleId, string Collection, int Total, int Stored, int Duplicates, int Failed, IReadOnlyList<IngestFailure> Failures,
        RegisterSummary? IncidentRegister = null);

    public static RouteGroupBuilder MapIntel(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/stix").WithTags("STIX");
        group.RequireAuthorization();
        group.MapPost("/bundles", ImportAsync).WithMetadata(new RequestSizeLimitAttribute(IntelLimits.MaxBundleBytes));
        group.MapGet("/bundles", ExportAsync);
        return group;
    }

    /// Imports a bundle into a collection (the mechanism's shared one unless `collection` names another).
    /// Objects that fail validation are listed with their position; the others are stored.
    private static async Task<Results<Ok<ImportSummary>, ValidationProblem, ForbidHttpResult>> ImportAsync(
        string? mechanism, string? collection, HttpContext http, ClaimsPrincipal principal, ParleyDbContext db, DirectoryCache directory, StixIngest ingest, TimeProvider time, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var (target, errors) = await ResolveAsync(db, directory, actor, mechanism, collection, ct);
        if (target is null) return TypedResults.ValidationProblem(errors);
        if (!SharingCollection.CanWrite(actor, target.Mechanism)) return TypedResults.Forbid();

        var reader = new StixBundleReader(http.Request.Body);
        try
        {
            // An analyst's bundle also feeds the incident register, as `parley import stix` does.
            var incidents = actor.Has(Roles.Analyst) ? new StixIncidents() : null;
            var result = await ingest.IngestAsync(StixIngest.FromBundle(reader, ct), new IngestTarget(target, actor.PartyId, actor.AgencyId, actor.UserId), false, ct, incidents);
            var register = incidents is { Count: > 0 }
                ? await new IncidentImporter(db, time).ImportAsync(incidents.Rows().ToAsyncEnumerable(), [], ct)
                : null;
            return TypedResults.Ok(new ImportSummary(reader.BundleId, target.Id.ToString(), result.Total, result.Stored, result.Duplicates, result.Failures.Count, result.Failures, register));
        }
        catch (StixFormatException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"{e.Message} Nothing was imported."] });
        }
    }

    private static async Task<IResult> ExportAsync(string? mechanism, string? collection, HttpContext http, ClaimsPrincipal principal, ParleyDbContext db, DirectoryCache directory, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var (target, errors) = await ResolveAsync(db, directory, actor, mechanism, collection, ct);
        if (target is null) return TypedResults.ValidationProblem(errors);
        if (!SharingCollection.CanRead(actor, target.Mechanism)) return TypedResults.Forbid();
        await db.RecordAsync("stix.export", "Collection", target.Id.ToString(),
            new Dictionary<string, string?> { ["mechanism"] = target.Mechanism.Code, ["collection"] = collection }, ct);
        http.Response.ContentType = MediaType;
        var rows = StixExport.Readable(db, target.Mechanism.Id, collection is null ? null : target.Id, TlpAccess.Reader.Of(actor));
        await StixExport.WriteAsync(rows, http.Response.Body, ct);
        return TypedResults.Empty;
    }

    private static async Task<(SharingCollection?, Dictionary<string, string[]>)> ResolveAsync(
        ParleyDbContext db, DirectoryCache directory, Actor actor, string? mechanismName, string? collectionId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var dir = await directory.GetAsync(db, ct);
        var mine = dir.Mechanisms.Values.Where(m => SharingCollection.IsMember(actor, m)).ToList();
        Mechanism? mechanism = null;
        if (!string.IsNullOrWhiteSpace(mechanismName))
        {
            mechanism = mine.FirstOrDefault(m => m.Code.Equals(mechanismName, StringComparison.OrdinalIgnoreCase) || m.Id.ToString() == mechanismName);
            if (mechanism is null) errors["mechanism"] = [$"'{mechanismName}' is not a mechanism your party belongs to."];
        }
        else if (mine.Count == 1) mechanism = mine[0];
        else errors["mechanism"] = [mine.Count == 0 ? "Your party belongs to no mechanism." : $"Name one of: {string.Join(", ", mine.Select(m => m.Code))}."];
        if (mechanism is null) return (null, errors);

        var collections = SharingCollection.For(mechanism, dir);
        if (collectionId is null) return (collections[0], errors);
        var found = Guid.TryParse(collectionId, out var id) ? collections.FirstOrDefault(c => c.Id == id) : null;
        if (found is null) errors["collection"] = [$"'{collectionId}' is not a collection of {mechanism.Code}."];
        return (found, errors);
    }
}

public static class IntelLimits
{
    /// The largest bundle the REST API takes in one request; bigger ones go through `parley import stix`.
    public const long MaxBundleBytes = 256L * 1024 * 1024;
}
