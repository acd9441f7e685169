using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Parley.Audit;
using Parley.Directory;
using Parley.Identity;

namespace Parley.Requests;

/// POST /api/v1/requests: a new draft, or a request submitted at once.
public static class SubmitRequest
{
    public static async Task<Results<Created<RequestDetail>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        CreateRequest body, ClaimsPrincipal principal, RequestServices s, HttpContext http, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        if ((actor.Roles & RequestStateMachine.ActingRoles) == 0)
            return TypedResults.Problem("Only officers and supervisors send requests.", statusCode: 403);

        var dir = await s.Directory.GetAsync(s.Db, ct);
        var content = RequestContent.Resolve(body, actor, dir, out var errors);
        if (content is null) return TypedResults.ValidationProblem(errors);
        var rule = await s.Rules.ForAsync(s.Db, content.Mechanism.Id, body.Priority!.Value, content.To.Id, ct);
        if (rule is null)
            return TypedResults.Problem(NoPolicyFor(content.Mechanism.Code, body.Priority!.Value), statusCode: 409);

        var now = s.Time.GetUtcNow().UtcDateTime;
        var request = new Request { Id = Guid.CreateVersion7(now), FromAgencyId = actor.AgencyId, Subject = "", Narrative = "", CreatedAt = now };
        content.ApplyTo(request, now);
        RequestTimeline.Append(request, RequestEventType.Drafted, actor, now, null, rule).Payload = RequestContent.Payload(request);

        await using var tx = await s.Db.Database.BeginTransactionAsync(ct);
        if (!body.Draft)
        {
            request.Reference = await ReferenceNumbers.NextAsync(s.Db, content.Mechanism.Id, content.From.Code, content.To.Code, now.Year, ct);
            RequestTimeline.Append(request, RequestEventType.Submitted, actor, now, null, rule);
        }
        s.Db.Requests.Add(request);
        await s.Db.SaveAndCommitAsync(tx, ct);
        s.Watch.Poke(request.Deadlines.Min(d => d.WatchAt));

        http.Response.Headers.ETag = RequestETag.Of(request);
        return TypedResults.Created($"/api/v1/requests/{request.Id}", RequestMapping.ToDetail(request, actor, dir, Instant.FromDateTimeUtc(now)));
    }

    // A whole sentence per priority, so that a page can show it in the reader's language.
    private static string NoPolicyFor(string mechanism, Priority priority) => priority switch
    {
        Priority.Urgent => $"Mechanism {mechanism} has no timeline policy for urgent requests.",
        Priority.High => $"Mechanism {mechanism} has no timeline policy for high-priority requests.",
        _ => $"Mechanism {mechanism} has no timeline policy for routine requests.",
    };
}
