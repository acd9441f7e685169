using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using NodaTime;
using Parley.Audit;
using Parley.Data;
using Parley.Deadlines;
using Parley.Directory;
using Parley.Identity;

namespace Parley.Requests;

/// POST /api/v1/requests/{id}/{action}: one endpoint per lifecycle step.
public static class RequestTransitions
{
    public sealed record TransitionBody(string? Message, string? Reason);

    public static readonly IReadOnlyDictionary<RequestAction, string> Routes = new Dictionary<RequestAction, string>
    {
        [RequestAction.Submit] = "submit",
        [RequestAction.Acknowledge] = "acknowledge",
        [RequestAction.StartWork] = "start",
        [RequestAction.RequestClarification] = "request-clarification",
        [RequestAction.Clarify] = "clarify",
        [RequestAction.PartialAnswer] = "partial-answer",
        [RequestAction.FinalAnswer] = "final-answer",
        [RequestAction.Close] = "close",
        [RequestAction.Decline] = "decline",
        [RequestAction.Withdraw] = "withdraw",
    };

    public static void MapTransitions(this RouteGroupBuilder group)
    {
        foreach (var (action, route) in Routes)
            group.MapPost($"/{{id}}/{route}",
                    ([FromBody] TransitionBody? body, string id, ClaimsPrincipal principal, RequestServices services, HttpContext http, CancellationToken ct) =>
                        ApplyAsync(action, id, body, principal, services, http, ct))
                .WithName($"Request{action}");
    }

    public static async Task<Results<Ok<RequestDetail>, NotFound, ValidationProblem, ProblemHttpResult>> ApplyAsync(
        RequestAction action, string id, TransitionBody? body, ClaimsPrincipal principal, RequestServices s, HttpContext http, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var request = await RequestQueries.FindAsync(s.Db, id, actor, ct);
        if (request is null) return TypedResults.NotFound();

        var rule = RequestStateMachine.Rules[action];
        var ifMatch = http.Request.Headers.IfMatch;
        if (!RequestETag.Matches(ifMatch, request))
            return Problem(412, "Precondition failed", $"The request has changed since you read it; it is now at ETag {RequestETag.Of(request)}.", request);
        var side = RequestStateMachine.SideOf(request, actor);
        if (side != rule.Side)
            return Problem(403, "Not your step", StepRefusals.NotYourSide(action), request);
        if (!rule.From.Contains(request.Status))
            return Problem(409, "Not allowed in this state", StepRefusals.NotInThisState(request.Status), request);

        var field = action == RequestAction.Decline ? "reason" : "message";
        var message = (action == RequestAction.Decline ? body?.Reason ?? body?.Message : body?.Message)?.Trim();
        if (rule.MessageRequired && string.IsNullOrEmpty(message))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [StepRefusals.MessageRequired(action)] });
        if (message?.Length > RequestLimits.Message)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [$"{field} is longer than {RequestLimits.Message} characters."] });

        var deadlineRule = await s.Rules.ForAsync(s.Db, request.MechanismId, request.Priority, request.ToPartyId, ct);
        if (deadlineRule is null) return Problem(409, "No timeline policy", "The mechanism has no timeline policy for this priority.", request);

        var now = s.Time.GetUtcNow().UtcDateTime;
        try
        {
            if (action == RequestAction.Submit)
            {
                await using var tx = await s.Db.Database.BeginTransactionAsync(ct);
                var dir = await s.Directory.GetAsync(s.Db, ct);
                request.Reference = await ReferenceNumbers.NextAsync(s.Db, request.MechanismId,
                    dir.Parties[request.FromPartyId].Code, dir.Parties[request.ToPartyId].Code, now.Year, ct);
                RequestTimeline.Append(request, rule.Event, actor, now, message, deadlineRule);
                await s.Db.SaveAndCommitAsync(tx, ct);
            }
            else
            {
                RequestTimeline.Append(request, rule.Event, actor, now, message, deadlineRule);
                await s.Db.SaveChangesAsync(ct);
            }
        }
        catch (DbUpdateException)
        {
            // Someone else's step landed between our read and our write (concurrency token or event sequence).
            var status = StringValues.IsNullOrEmpty(ifMatch) ? 409 : 412;
            return TypedResults.Problem("Another change to the request landed first; read it again and retry.", statusCode: status, title: "Concurrent change");
        }

        s.Watch.Poke(request.Deadlines.Min(d => d.WatchAt));
        http.Response.Headers.ETag = RequestETag.Of(request);
        var snapshot = await s.Directory.GetAsync(s.Db, ct);
        return TypedResults.Ok(RequestMapping.ToDetail(request, actor, snapshot, Instant.FromDateTimeUtc(now)));
    }

    private static ProblemHttpResult Problem(int status, string title, string detail, Request request) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: new Dictionary<string, object?>
        {
            ["requestStatus"] = Kebab(request.Status),
            ["allowedActions"] = RequestStateMachine.ActionsFrom(request.Status).Select(a => Routes[a]).ToArray(),
            ["etag"] = RequestETag.Of(request),
        });

    private static string Kebab(RequestStatus status) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString());
}

public sealed class RequestServices(ParleyDbContext db, DirectoryCache directory, DeadlineRules rules, TimeProvider time, Escalation.DeadlineWatchSignal watch)
{
    /// Wakes the deadline watcher when a change wrote a deadline it must look at sooner than planned.
    public Escalation.DeadlineWatchSignal Watch { get; } = watch;
    public ParleyDbContext Db { get; } = db;
    public DirectoryCache Directory { get; } = directory;
    public DeadlineRules Rules { get; } = rules;
    public TimeProvider Time { get; } = time;
}
