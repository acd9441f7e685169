using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Parley.Identity;
using Parley.Requests;

namespace Parley.Quality;

/// POST /api/v1/requests/{id}/rating and …/rating/reply: the requester rates the final answer once; the answering side may reply once.
public static class RatingApi
{
    public sealed record RatingInput(int? Completeness, int? Relevance, int? Actionability, RatingOutcome? Outcome, string? Comment);

    public sealed record ReplyInput(string? Message);

    public static void MapRatings(this RouteGroupBuilder requests)
    {
        requests.MapPost("/{id}/rating", RateAsync);
        requests.MapPost("/{id}/rating/reply", ReplyAsync);
    }

    internal static async Task<Results<Created<RatingDto>, NotFound, ValidationProblem, ProblemHttpResult>> RateAsync(
        string id, RatingInput body, ClaimsPrincipal principal, RequestServices s, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var request = await RequestQueries.FindAsync(s.Db, id, actor, ct);
        if (request is null) return TypedResults.NotFound();
        if (RequestStateMachine.SideOf(request, actor) != Side.Requesting)
            return TypedResults.Problem("Only the requesting agency's officers and supervisors rate an answer.", statusCode: 403, title: "Not your step");
        var answer = request.Events.SingleOrDefault(e => e.Type == RequestEventType.FinalAnswer);
        if (answer is null)
            return TypedResults.Problem("There is no final answer to rate yet.", statusCode: 409, title: "Not allowed in this state");

        var errors = new Dictionary<string, string[]>();
        foreach (var (field, value) in new[] { ("completeness", body.Completeness), ("relevance", body.Relevance), ("actionability", body.Actionability) })
            if (value is not (>= 1 and <= 5)) errors[field] = [$"{field} is a score from 1 to 5."];
        if (body.Outcome is null) errors["outcome"] = ["outcome is information-provided, mitigation-confirmed or nothing-usable."];
        if (body.Comment?.Length > RequestLimits.Message) errors["comment"] = ["comment is too long."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (await s.Db.AnswerRatings.AnyAsync(r => r.AnswerEventId == answer.Id, ct))
            return TypedResults.Problem("This answer has already been rated.", statusCode: 409, title: "Already rated");

        var now = s.Time.GetUtcNow().UtcDateTime;
        var rating = new AnswerRating
        {
            Id = Guid.CreateVersion7(now), RequestId = request.Id, AnswerEventId = answer.Id,
            Completeness = body.Completeness!.Value, Relevance = body.Relevance!.Value, Actionability = body.Actionability!.Value,
            Outcome = body.Outcome!.Value, Comment = body.Comment?.Trim(), RatedByUserId = actor.UserId, RatedByAgencyId = actor.AgencyId, RatedAt = now,
        };
        s.Db.AnswerRatings.Add(rating);
        if (!await AppendAsync(s, request, RequestEventType.Rated, actor, now, $"{rating.Score:0.0}/5 · {rating.Comment}".TrimEnd(' ', '·'), ct))
            return TypedResults.Problem("This answer has already been rated.", statusCode: 409, title: "Already rated");
        return TypedResults.Created($"/api/v1/requests/{request.Id}", RatingDto.From(rating));
    }

    internal static async Task<Results<Ok<RatingDto>, NotFound, ValidationProblem, ProblemHttpResult>> ReplyAsync(
        string id, ReplyInput body, ClaimsPrincipal principal, RequestServices s, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var request = await RequestQueries.FindAsync(s.Db, id, actor, ct);
        if (request is null) return TypedResults.NotFound();
        if (RequestStateMachine.SideOf(request, actor) != Side.Responding)
            return TypedResults.Problem("Only the answering agency replies to a rating.", statusCode: 403, title: "Not your step");
        if (string.IsNullOrWhiteSpace(body.Message) || body.Message.Length > RequestLimits.Message)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["message"] = ["message is required (at most 20,000 characters)."] });
        var rating = await s.Db.AnswerRatings.SingleOrDefaultAsync(r => r.RequestId == request.Id, ct);
        if (rating is null) return TypedResults.Problem("The answer has not been rated.", statusCode: 409, title: "Not allowed in this state");
        if (rating.Reply is not null) return TypedResults.Problem("The rating already has its reply.", statusCode: 409, title: "Already replied");

        var now = s.Time.GetUtcNow().UtcDateTime;
        rating.Reply = body.Message.Trim();
        rating.RepliedByUserId = actor.UserId;
        rating.RepliedAt = now;
        if (!await AppendAsync(s, request, RequestEventType.RatingReplied, actor, now, rating.Reply, ct))
            return TypedResults.Problem("The rating already has its reply.", statusCode: 409, title: "Already replied");
        return TypedResults.Ok(RatingDto.From(rating));
    }

    /// Writes the rating change and its timeline event together; false when a concurrent rating or
    /// reply landed first (unique answer id, request version).
    private static async Task<bool> AppendAsync(RequestServices s, Request request, RequestEventType type, Actor actor, DateTime now, string message, CancellationToken ct)
    {
        var rule = await s.Rules.ForAsync(s.Db, request.MechanismId, request.Priority, request.ToPartyId, ct);
        RequestTimeline.Append(request, type, actor, now, message, rule!);
        try
        {
            await s.Db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }
}

public sealed record RatingDto(int Completeness, int Relevance, int Actionability, double Score, RatingOutcome Outcome, string? Comment,
    DateTime RatedAt, string? Reply, DateTime? RepliedAt)
{
    public static RatingDto From(AnswerRating r) =>
        new(r.Completeness, r.Relevance, r.Actionability, Math.Round(r.Score, 2), r.Outcome, r.Comment, r.RatedAt, r.Reply, r.RepliedAt);
}
