using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using Parley.Data;
using Parley.Identity;
using Parley.Requests;

namespace Parley.Hotline;

/// The changes to an open session: each side acknowledges, notes, linked requests, closing with an outcome.
/// Every change bumps Version (the ETag); If-Match is optional and answers 412 when stale.
public static class HotlineSessionSteps
{
    public const int NoteMax = 20_000, OutcomeNoteMax = 4000;

    private delegate Task<IResult?> Step(HotlineSession session, Actor actor, DateTime now);

    public static void MapHotlineSessionSteps(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/acknowledge", AcknowledgeAsync);
        group.MapPost("/{id:guid}/notes", AddNoteAsync);
        group.MapPost("/{id:guid}/requests", (Guid id, LinkRequestInput body, ClaimsPrincipal p, ParleyDbContext db, TimeProvider t, HttpContext http, CancellationToken ct) =>
            RunAsync(id, p, db, t, http, ct, (s, actor, _) => LinkAsync(db, s, actor, body, ct)));
        group.MapDelete("/{id:guid}/requests/{requestId:guid}", (Guid id, Guid requestId, ClaimsPrincipal p, ParleyDbContext db, TimeProvider t, HttpContext http, CancellationToken ct) =>
            RunAsync(id, p, db, t, http, ct, (s, _, _) => Task.FromResult(Unlink(db, s, requestId))));
        group.MapPost("/{id:guid}/close", CloseAsync);
    }

    // The steps the hotline console's forms take too, through the same checks.
    public static Task<IResult> AcknowledgeAsync(Guid id, ClaimsPrincipal p, ParleyDbContext db, TimeProvider t, HttpContext http, CancellationToken ct) =>
        RunAsync(id, p, db, t, http, ct, (s, actor, now) => Acknowledge(s, actor, now), calledMayAct: true);

    public static Task<IResult> AddNoteAsync(Guid id, NoteInput body, ClaimsPrincipal p, ParleyDbContext db, TimeProvider t, HttpContext http, CancellationToken ct) =>
        RunAsync(id, p, db, t, http, ct, (s, actor, now) => AddNote(s, actor, now, body));

    public static Task<IResult> CloseAsync(Guid id, CloseSessionInput body, ClaimsPrincipal p, ParleyDbContext db, TimeProvider t, HttpContext http, CancellationToken ct) =>
        RunAsync(id, p, db, t, http, ct, (s, actor, now) => Task.FromResult(Close(s, actor, now, body)));

    /// 404 unless the caller's party is in the session's mechanism; 403 without the role (or, to acknowledge, being the one called); 412 on a stale If-Match;
    /// 409 once closed. A step returns a result to refuse, or null to have its change saved.
    private static async Task<IResult> RunAsync(Guid id, ClaimsPrincipal principal, ParleyDbContext db, TimeProvider time, HttpContext http, CancellationToken ct,
        Step step, bool calledMayAct = false)
    {
        var actor = Actor.From(principal);
        var session = await HotlineSessionsApi.FindAsync(db, id, actor, ct);
        if (session is null) return TypedResults.NotFound();
        // Whoever was called by name may acknowledge for their side, whatever their role.
        var called = calledMayAct && session.Participants.Any(p => p.CalledUserId == actor.UserId);
        if ((actor.Roles & HotlineAccess.SessionRoles) == 0 && !called)
            return HotlineProblems.Forbidden("Only hotline officers and supervisors act on hotline sessions.");
        var ifMatch = http.Request.Headers.IfMatch;
        if (!HotlineSessionsApi.Matches(ifMatch, session))
            return TypedResults.Problem($"The session has changed since you read it; it is now at ETag {HotlineSessionsApi.ETag(session)}.", statusCode: 412, title: "Precondition failed");
        if (session.Status == HotlineSessionStatus.Closed) return HotlineProblems.Conflict("The session is closed.");

        var now = time.GetUtcNow().UtcDateTime;
        if (await step(session, actor, now) is { } refused) return refused;
        session.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            var status = StringValues.IsNullOrEmpty(ifMatch) ? 409 : 412;
            return TypedResults.Problem("Another change to the session landed first; read it again and retry.", statusCode: status, title: "Concurrent change");
        }
        return await HotlineSessionsApi.DetailAsync(db, session, http, ct);
    }

    private static Task<IResult?> Acknowledge(HotlineSession session, Actor actor, DateTime now)
    {
        var side = session.Participants.SingleOrDefault(p => p.PartyId == actor.PartyId);
        if (side is null) return Task.FromResult<IResult?>(HotlineProblems.Forbidden("Your party was not called in this session."));
        // Acknowledging twice keeps the first acknowledgement.
        if (side.AcknowledgedAt is null)
        {
            side.AcknowledgedAt = now;
            side.AcknowledgedByUserId = actor.UserId;
        }
        return Task.FromResult<IResult?>(null);
    }

    private static Task<IResult?> AddNote(HotlineSession session, Actor actor, DateTime now, NoteInput body)
    {
        var text = body.Text?.Trim();
        if (string.IsNullOrEmpty(text)) return Task.FromResult<IResult?>(HotlineProblems.Invalid("text", "text is required."));
        if (text.Length > NoteMax) return Task.FromResult<IResult?>(HotlineProblems.Invalid("text", $"text is longer than {NoteMax} characters."));
        session.Notes.Add(new HotlineNote { Id = Guid.CreateVersion7(now), SessionId = session.Id, At = now, AuthorUserId = actor.UserId, AuthorPartyId = actor.PartyId, Text = text });
        return Task.FromResult<IResult?>(null);
    }

    /// Only a request of the session's mechanism that the caller can see; by id or reference.
    private static async Task<IResult?> LinkAsync(ParleyDbContext db, HotlineSession session, Actor actor, LinkRequestInput body, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Request)) return HotlineProblems.Invalid("request", "request (id or reference) is required.");
        var request = await RequestQueries.FindAsync(db, body.Request.Trim(), actor, ct);
        if (request is null || request.MechanismId != session.MechanismId)
            return HotlineProblems.Invalid("request", $"No request '{body.Request}' of this mechanism that you can see.");
        if (session.Requests.All(r => r.RequestId != request.Id))
            session.Requests.Add(new HotlineSessionRequest { SessionId = session.Id, RequestId = request.Id });
        return null;
    }

    private static IResult? Unlink(ParleyDbContext db, HotlineSession session, Guid requestId)
    {
        var link = session.Requests.SingleOrDefault(r => r.RequestId == requestId);
        if (link is null) return TypedResults.NotFound();
        session.Requests.Remove(link);
        db.HotlineSessionRequests.Remove(link);
        return null;
    }

    private static IResult? Close(HotlineSession session, Actor actor, DateTime now, CloseSessionInput body)
    {
        if (body.Outcome is null) return HotlineProblems.Invalid("outcome", "outcome is required: resolved, partly-resolved, unresolved or referred.");
        var note = body.Note?.Trim();
        if (note?.Length > OutcomeNoteMax) return HotlineProblems.Invalid("note", $"note is longer than {OutcomeNoteMax} characters.");
        session.Status = HotlineSessionStatus.Closed;
        session.Outcome = body.Outcome;
        session.OutcomeNote = string.IsNullOrEmpty(note) ? null : note;
        session.ClosedAt = now;
        session.ClosedByUserId = actor.UserId;
        return null;
    }
}
