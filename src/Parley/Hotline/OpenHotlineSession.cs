using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Data;
using Parley.Directory;
using Parley.Identity;
using Parley.Notifications;
using Parley.Requests;

namespace Parley.Hotline;

/// POST /api/v1/hotline/sessions: opens a session from an escalation or ad hoc, calls each party of the
/// mechanism (its on-call holder now unless the caller names someone) and queues a `hotline.called` notice to each.
public static class OpenHotlineSession
{
    public const int SubjectMax = 500;

    public static async Task<Results<Created<SessionDetail>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        OpenSessionInput body, ClaimsPrincipal principal, ParleyDbContext db, TimeProvider time, IOptions<HotlineOptions> options,
        HttpContext http, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        if ((actor.Roles & HotlineAccess.SessionRoles) == 0)
            return HotlineProblems.Forbidden("Only hotline officers and supervisors open hotline sessions.");

        Escalation.Escalation? escalation = null;
        Request? escalated = null;
        Mechanism? mechanism;
        if (body.EscalationId is { } escalationId)
        {
            escalation = await db.Escalations.AsNoTracking().SingleOrDefaultAsync(e => e.Id == escalationId, ct);
            escalated = escalation is null ? null : await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == escalation.RequestId, ct);
            if (escalated is null || !RequestStateMachine.CanSee(escalated, actor))
                return HotlineProblems.Invalid("escalationId", $"No escalation {escalationId} that you can see.");
            mechanism = await HotlineAccess.FindMechanismAsync(db, escalation!.MechanismId.ToString(), actor, ct);
            if (mechanism is null) return HotlineProblems.Invalid("escalationId", $"No escalation {escalationId} that you can see.");
            if (body.Mechanism is not null && await HotlineAccess.FindMechanismAsync(db, body.Mechanism, actor, ct) is { } named && named.Id != mechanism.Id)
                return HotlineProblems.Invalid("mechanism", "The escalation belongs to another mechanism; leave mechanism out.");
        }
        else
        {
            if (string.IsNullOrWhiteSpace(body.Mechanism)) return HotlineProblems.Invalid("mechanism", "mechanism (code or id) is required for a session not opened from an escalation.");
            mechanism = await HotlineAccess.FindMechanismAsync(db, body.Mechanism, actor, ct);
            if (mechanism is null) return HotlineProblems.Invalid("mechanism", $"No mechanism '{body.Mechanism}' that your party belongs to.");
        }

        var subject = body.Subject?.Trim();
        if (string.IsNullOrEmpty(subject) && escalation is not null)
            subject = $"Escalation of {escalated!.Reference ?? escalated.Subject}: {escalation.Reason}";
        if (string.IsNullOrEmpty(subject)) return HotlineProblems.Invalid("subject", "subject is required.");
        if (subject.Length > SubjectMax) subject = subject[..SubjectMax];

        var now = time.GetUtcNow().UtcDateTime;
        var partyIds = mechanism.Parties.Select(p => p.PartyId).ToList();
        var parties = await db.Parties.AsNoTracking().Where(p => partyIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var errors = new Dictionary<string, string[]>();
        var calls = await HotlineCalls.ResolveAsync(db, body.Calls ?? [], parties, now, errors, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var session = new HotlineSession
        {
            Id = Guid.CreateVersion7(now), MechanismId = mechanism.Id, EscalationId = escalation?.Id, Subject = subject,
            Status = HotlineSessionStatus.Open, OpenedAt = now, OpenedByUserId = actor.UserId, OpenedByPartyId = actor.PartyId, Version = 1,
        };
        foreach (var call in calls)
            session.Participants.Add(new HotlineParticipant
            {
                Id = Guid.CreateVersion7(now), SessionId = session.Id, PartyId = call.PartyId,
                CalledUserId = call.User?.Id, CalledContactId = call.Contact?.Id, CalledAt = now,
            });
        if (escalated is not null) session.Requests.Add(new HotlineSessionRequest { SessionId = session.Id, RequestId = escalated.Id });
        db.HotlineSessions.Add(session);

        foreach (var call in calls)
            await HotlineCalls.NotifyAsync(db, session, mechanism, parties[call.PartyId], call, actor, options.Value, now, ct);
        await db.SaveChangesAsync(ct);

        var detail = await HotlineSessionsApi.DetailAsync(db, session, http, ct);
        return TypedResults.Created($"/api/v1/hotline/sessions/{session.Id}", detail.Value);
    }
}
