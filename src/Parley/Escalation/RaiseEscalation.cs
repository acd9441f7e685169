using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Parley.Identity;
using Parley.Requests;

namespace Parley.Escalation;

/// POST /api/v1/requests/{id}/escalations: either side raises a problem with a request by hand, with a reason.
public static class RaiseEscalation
{
    public const int MaxReason = 4000;

    public sealed record RaiseInput(string? Reason);

    /// Nothing to escalate before submission, and nothing left once the requester closed or withdrew it.
    private static readonly RequestStatus[] NotEscalatable = [RequestStatus.Draft, RequestStatus.Closed, RequestStatus.Withdrawn];

    // A whole sentence per state, so that a page can show it in the reader's language.
    private static string NotEscalatableBecause(RequestStatus status) => status switch
    {
        RequestStatus.Draft => "A draft cannot be escalated.",
        RequestStatus.Closed => "A closed request cannot be escalated.",
        _ => "A withdrawn request cannot be escalated.",
    };

    public static async Task<Results<Created<EscalationDto>, NotFound, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string id, RaiseInput? body, ClaimsPrincipal principal, RequestServices s, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var request = await RequestQueries.FindAsync(s.Db, id, actor, ct);
        if (request is null) return TypedResults.NotFound();
        if (EscalationAccess.SideOf(request, actor) is not { } side)
            return TypedResults.Problem("Only the officers and supervisors of the request's agencies, or a hotline officer of either party, escalate it.",
                statusCode: 403, title: "Not your step");
        if (NotEscalatable.Contains(request.Status))
            return TypedResults.Problem(NotEscalatableBecause(request.Status), statusCode: 409,
                title: "Not allowed in this state", extensions: new Dictionary<string, object?> { ["requestStatus"] = EscalationAccess.Kebab(request.Status) });
        var ladder = await EscalationLadder.ForAsync(s.Db, request.MechanismId, ct);
        if (ladder.Count == 0)
            return TypedResults.Problem("The mechanism has no escalation ladder; an administrator sets one first.", statusCode: 409, title: "No escalation ladder");
        var open = await s.Db.Escalations.Where(e => e.RequestId == request.Id && e.Status == EscalationStatus.Open).Select(e => e.Id).FirstOrDefaultAsync(ct);
        if (open != Guid.Empty)
            return TypedResults.Problem($"Escalation {open} of this request is still open; acknowledge or resolve it first.", statusCode: 409,
                title: "Already escalated", extensions: new Dictionary<string, object?> { ["openEscalationId"] = open, ["openEscalation"] = $"/api/v1/escalations/{open}" });

        var reason = body?.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["reason is required: say what the problem is."] });
        if (reason.Length > MaxReason)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [$"reason is longer than {MaxReason} characters."] });

        var now = s.Time.GetUtcNow().UtcDateTime;
        var escalation = Escalation.Raise(request, ladder[0], EscalationCause.Manual, reason, side, actor.UserId, actor.AgencyId, now);
        s.Db.Escalations.Add(escalation);
        await EscalationEffects.RecordAsync(s.Db, request, escalation, escalation.Steps[0], ladder, actor, now, ct);
        try
        {
            await s.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another step on the request (or another escalation) landed between our read and our write.
            return TypedResults.Problem("Another change to the request landed first; read it again and retry.", statusCode: 409, title: "Concurrent change");
        }
        s.Watch.Poke(escalation.WatchAt);
        var dto = EscalationMapping.ToDto(escalation, request, ladder, actor, await s.Directory.GetAsync(s.Db, ct), withSteps: true);
        return TypedResults.Created($"/api/v1/escalations/{escalation.Id}", dto);
    }
}
