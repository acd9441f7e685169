using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Directory;
using Parley.Identity;
using Parley.Requests;

namespace Parley.Escalation;

/// POST /api/v1/escalations/{id}/acknowledge and …/resolve.
public static class EscalationDecisions
{
    public sealed record AcknowledgeInput(string? Note);

    public sealed record ResolveInput(string? Resolution);

    /// The side escalated to (the raiser's counterpart) acknowledges, by a user holding the current rung's
    /// role or a higher rung's. Acknowledging stops the climb.
    public static async Task<Results<Ok<EscalationDto>, NotFound, ValidationProblem, ProblemHttpResult>> AcknowledgeAsync(
        Guid id, AcknowledgeInput? body, ClaimsPrincipal principal, ParleyDbContext db, DirectoryCache directory, TimeProvider time, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        if (await EscalationsApi.FindAsync(db, id, actor, ct) is not var (escalation, request))
            return TypedResults.NotFound();
        var ladder = await EscalationLadder.ForAsync(db, escalation.MechanismId, ct);
        if (EscalationAccess.WhyNotAcknowledge(escalation, request, ladder, actor) is { } why)
            return TypedResults.Problem(why, statusCode: 403, title: "Not your step");
        if (escalation.Status != EscalationStatus.Open) return NotOpen(escalation);
        var note = body?.Note?.Trim();
        if (note?.Length > RaiseEscalation.MaxReason)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["note"] = [$"note is longer than {RaiseEscalation.MaxReason} characters."] });

        var now = time.GetUtcNow().UtcDateTime;
        var step = escalation.Acknowledge(actor.UserId, now, string.IsNullOrEmpty(note) ? null : note);
        return await SaveAsync(db, directory, escalation, request, step, ladder, actor, now, ct);
    }

    /// Either side closes the matter with a note, acknowledged or not.
    public static async Task<Results<Ok<EscalationDto>, NotFound, ValidationProblem, ProblemHttpResult>> ResolveAsync(
        Guid id, ResolveInput? body, ClaimsPrincipal principal, ParleyDbContext db, DirectoryCache directory, TimeProvider time, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        if (await EscalationsApi.FindAsync(db, id, actor, ct) is not var (escalation, request))
            return TypedResults.NotFound();
        if (EscalationAccess.SideOf(request, actor) is null)
            return TypedResults.Problem("Only the officers and supervisors of the request's agencies, or a hotline officer of either party, resolve an escalation.",
                statusCode: 403, title: "Not your step");
        if (escalation.Status == EscalationStatus.Resolved) return NotOpen(escalation);
        var resolution = body?.Resolution?.Trim();
        if (string.IsNullOrEmpty(resolution) || resolution.Length > RaiseEscalation.MaxReason)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["resolution"] = [$"resolution is required (at most {RaiseEscalation.MaxReason} characters): say how the matter was settled."],
            });

        var now = time.GetUtcNow().UtcDateTime;
        var step = escalation.Resolve(actor.UserId, now, resolution);
        var ladder = await EscalationLadder.ForAsync(db, escalation.MechanismId, ct);
        return await SaveAsync(db, directory, escalation, request, step, ladder, actor, now, ct);
    }

    private static async Task<Results<Ok<EscalationDto>, NotFound, ValidationProblem, ProblemHttpResult>> SaveAsync(ParleyDbContext db, DirectoryCache directory,
        Escalation escalation, Request request, EscalationStep step, List<EscalationLevel> ladder, Actor actor, DateTime now, CancellationToken ct)
    {
        await EscalationEffects.RecordAsync(db, request, escalation, step, ladder, actor, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The watcher climbed it, or someone else acknowledged it, between our read and our write.
            return TypedResults.Problem("Another change to the escalation landed first; read it again and retry.", statusCode: 409, title: "Concurrent change");
        }
        return TypedResults.Ok(EscalationMapping.ToDto(escalation, request, ladder, actor, await directory.GetAsync(db, ct), withSteps: true));
    }

    private static ProblemHttpResult NotOpen(Escalation e) =>
        TypedResults.Problem(e.Status == EscalationStatus.Resolved ? "The escalation is resolved." : "The escalation is already acknowledged.",
            statusCode: 409, title: "Not allowed in this state",
            extensions: new Dictionary<string, object?> { ["escalationStatus"] = EscalationAccess.Kebab(e.Status) });
}
