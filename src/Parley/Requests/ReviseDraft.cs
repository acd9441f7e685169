using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Parley.Identity;

namespace Parley.Requests;

/// PUT /api/v1/requests/{id}: replaces a draft's content; recorded as a DraftRevised event.
public static class ReviseDraft
{
    public static async Task<Results<Ok<RequestDetail>, NotFound, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string id, CreateRequest body, ClaimsPrincipal principal, RequestServices s, HttpContext http, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var request = await RequestQueries.FindAsync(s.Db, id, actor, ct);
        if (request is null) return TypedResults.NotFound();
        if (!RequestETag.Matches(http.Request.Headers.IfMatch, request))
            return TypedResults.Problem("The draft has changed since you read it.", statusCode: 412, title: "Precondition failed");
        if (RequestStateMachine.SideOf(request, actor) != Side.Requesting)
            return TypedResults.Problem("Only the requesting agency's officers and supervisors edit a draft.", statusCode: 403, title: "Not your step");
        if (request.Status != RequestStatus.Draft)
            return TypedResults.Problem("Only a draft can be edited; a submitted request changes only through its steps.", statusCode: 409, title: "Not allowed in this state");

        var dir = await s.Directory.GetAsync(s.Db, ct);
        var content = RequestContent.Resolve(body, actor, dir, out var errors);
        if (content is null) return TypedResults.ValidationProblem(errors);
        var rule = await s.Rules.ForAsync(s.Db, content.Mechanism.Id, body.Priority!.Value, content.To.Id, ct);
        if (rule is null) return TypedResults.Problem($"Mechanism {content.Mechanism.Code} has no timeline policy for that priority.", statusCode: 409);

        var now = s.Time.GetUtcNow().UtcDateTime;
        content.ApplyTo(request, now);
        RequestTimeline.Append(request, RequestEventType.DraftRevised, actor, now, null, rule).Payload = RequestContent.Payload(request);
        try
        {
            await s.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return TypedResults.Problem("Another change to the draft landed first; read it again and retry.", statusCode: 409, title: "Concurrent change");
        }
        http.Response.Headers.ETag = RequestETag.Of(request);
        return TypedResults.Ok(RequestMapping.ToDetail(request, actor, dir, Instant.FromDateTimeUtc(now)));
    }
}
