using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Parley.Identity;
using Parley.Quality;

namespace Parley.Requests;

public static class RequestsApi
{
    public static RouteGroupBuilder MapRequests(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/requests").WithTags("Requests");
        group.RequireAuthorization(Policies.CaseReader);

        group.MapGet("/", ListRequests.HandleAsync);
        group.MapPost("/", SubmitRequest.HandleAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPut("/{id}", ReviseDraft.HandleAsync);
        group.MapGet("/{id}/stix", GetStixAsync);
        group.MapTransitions();
        group.MapRatings();
        return group;
    }

    /// The request's indicators as a STIX 2.1 bundle, for the two parties' CTI platforms.
    private static async Task<Results<ContentHttpResult, NotFound>> GetStixAsync(
        string id, ClaimsPrincipal principal, RequestServices s, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var request = await RequestQueries.FindAsync(s.Db, id, actor, ct);
        if (request is null) return TypedResults.NotFound();
        // TLP:RED and AMBER+STRICT indicators go to the named agencies only, not to the rest of their parties.
        if (!Intel.TlpAccess.CanRead((Parley.Stix.Markings.TlpLevel)(int)request.Tlp, request.FromPartyId, request.FromAgencyId,
                request.ToPartyId, request.ToAgencyId, Intel.TlpAccess.Reader.Of(actor)))
            return TypedResults.NotFound();
        var bundle = RequestStix.ToBundle(request, await s.Directory.GetAsync(s.Db, ct));
        return TypedResults.Content(bundle.ToJson(), RequestStix.MediaType);
    }

    internal static async Task<Results<Ok<RequestDetail>, NotFound>> GetAsync(
        string id, ClaimsPrincipal principal, RequestServices s, HttpContext http, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var request = await RequestQueries.FindAsync(s.Db, id, actor, ct);
        if (request is null) return TypedResults.NotFound();
        http.Response.Headers.ETag = RequestETag.Of(request);
        var dir = await s.Directory.GetAsync(s.Db, ct);
        var rating = await s.Db.AnswerRatings.AsNoTracking().SingleOrDefaultAsync(r => r.RequestId == request.Id, ct);
        var detail = RequestMapping.ToDetail(request, actor, dir, Instant.FromDateTimeUtc(s.Time.GetUtcNow().UtcDateTime));
        return TypedResults.Ok(detail with { Rating = rating is null ? null : RatingDto.From(rating) });
    }
}
