using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Data;
using Parley.Directory;
using Parley.Escalation;
using Parley.Identity;
using Parley.Audit;

namespace Parley.Hotline;

/// Communication checks of a mechanism: start one by hand, keep a schedule, read the results per check and per contact.
/// Any user of a member party reads them; hotline officers, supervisors and administrators start and schedule them.
public static class CommunicationChecksApi
{
    public static void MapCommunicationChecks(this IEndpointRouteBuilder routes)
    {
        var mechanism = routes.MapGroup("/api/v1/mechanisms/{mechanism}").WithTags("Communication checks");
        mechanism.MapPost("/communication-checks", StartAsync);
        mechanism.MapGet("/communication-checks", ListAsync);
        mechanism.MapGet("/communication-checks/contacts", CommunicationCheckResults.ContactsAsync);
        mechanism.MapGet("/communication-check-schedule", GetScheduleAsync);
        mechanism.MapPut("/communication-check-schedule", PutScheduleAsync);
        mechanism.MapDelete("/communication-check-schedule", DeleteScheduleAsync);

        var checks = routes.MapGroup("/api/v1/communication-checks").WithTags("Communication checks");
        checks.MapGet("/{id:guid}", CommunicationCheckResults.GetAsync);
        checks.MapPost("/{id:guid}/contacts/{contactId:guid}/acknowledge", CommunicationCheckAck.AcknowledgeAsUserAsync);
        checks.MapCommunicationCheckLink();
    }

    public static async Task<Results<Created<CheckDetail>, NotFound, ProblemHttpResult, ValidationProblem>> StartAsync(
        string mechanism, StartCheckInput body, ClaimsPrincipal principal, ParleyDbContext db, TimeProvider time,
        IOptions<HotlineOptions> options, DeadlineWatchSignal watch, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var m = await HotlineAccess.FindMechanismAsync(db, mechanism, actor, ct);
        if (m is null) return TypedResults.NotFound();
        if ((actor.Roles & HotlineAccess.ManageRoles) == 0) return HotlineProblems.Forbidden("Only hotline officers, supervisors and administrators start communication checks.");
        if (AnswerWithinError(body.AnswerWithin) is { } error) return HotlineProblems.Invalid("answerWithin", error);

        var now = time.GetUtcNow().UtcDateTime;
        var check = await CommunicationChecks.StartAsync(db, m.Id, body.AnswerWithin!.Value, actor.UserId, now, options.Value, ct);
        await db.SaveChangesAsync(ct);
        watch.Poke(check.WatchAt);
        var detail = await CommunicationCheckResults.DetailAsync(db, check.Id, ct);
        return TypedResults.Created($"/api/v1/communication-checks/{check.Id}", detail);
    }

    private static async Task<Results<Ok<List<CheckSummary>>, NotFound>> ListAsync(
        string mechanism, DateTimeOffset? from, DateTimeOffset? to, ClaimsPrincipal principal, ParleyDbContext db, CancellationToken ct)
    {
        var m = await HotlineAccess.FindMechanismAsync(db, mechanism, Actor.From(principal), ct);
        if (m is null) return TypedResults.NotFound();
        return TypedResults.Ok(await CommunicationCheckResults.SummariesAsync(db, m, from?.UtcDateTime, to?.UtcDateTime, ct));
    }

    private static async Task<Results<Ok<ScheduleDto>, NotFound>> GetScheduleAsync(string mechanism, ClaimsPrincipal principal, ParleyDbContext db, CancellationToken ct)
    {
        var m = await HotlineAccess.FindMechanismAsync(db, mechanism, Actor.From(principal), ct);
        var schedule = m is null ? null : await db.CommunicationCheckSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.MechanismId == m.Id, ct);
        return schedule is null ? TypedResults.NotFound() : TypedResults.Ok(ToDto(schedule, m!));
    }

    private static async Task<Results<Ok<ScheduleDto>, NotFound, ProblemHttpResult, ValidationProblem>> PutScheduleAsync(
        string mechanism, ScheduleInput body, ClaimsPrincipal principal, ParleyDbContext db, TimeProvider time, DeadlineWatchSignal watch, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var m = await HotlineAccess.FindMechanismAsync(db, mechanism, actor, ct);
        if (m is null) return TypedResults.NotFound();
        if ((actor.Roles & HotlineAccess.ManageRoles) == 0) return HotlineProblems.Forbidden("Only hotline officers, supervisors and administrators schedule communication checks.");

        var now = time.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, string[]>();
        if (body.Every is not { } every) errors["every"] = ["every is required, e.g. \"30.00:00:00\" for every 30 days."];
        else if (every < CommunicationChecks.MinEvery || every > CommunicationChecks.MaxEvery) errors["every"] = ["every is between 1 hour and 366 days."];
        if (AnswerWithinError(body.AnswerWithin) is { } error) errors["answerWithin"] = [error];
        else if (body.Every is { } e && body.AnswerWithin >= e) errors["answerWithin"] = ["answerWithin is shorter than every, so that checks do not overlap."];
        if (body.NextRunAt is { } at && at.UtcDateTime < now) errors["nextRunAt"] = ["nextRunAt is in the past."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var schedule = await db.CommunicationCheckSchedules.SingleOrDefaultAsync(s => s.MechanismId == m.Id, ct);
        if (schedule is null) db.CommunicationCheckSchedules.Add(schedule = new CommunicationCheckSchedule { MechanismId = m.Id });
        schedule.Every = body.Every!.Value;
        schedule.AnswerWithin = body.AnswerWithin!.Value;
        schedule.NextRunAt = body.NextRunAt?.UtcDateTime ?? now + schedule.Every;
        await db.SaveChangesAsync(ct);
        watch.Poke(schedule.NextRunAt);
        return TypedResults.Ok(ToDto(schedule, m));
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteScheduleAsync(string mechanism, ClaimsPrincipal principal, ParleyDbContext db, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var m = await HotlineAccess.FindMechanismAsync(db, mechanism, actor, ct);
        if (m is null) return TypedResults.NotFound();
        if ((actor.Roles & HotlineAccess.ManageRoles) == 0) return HotlineProblems.Forbidden("Only hotline officers, supervisors and administrators schedule communication checks.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.CommunicationCheckSchedules.Where(s => s.MechanismId == m.Id).ExecuteDeleteAsync(ct) == 0) return TypedResults.NotFound();
        await db.RecordAsync("CommunicationCheckSchedule.deleted", "CommunicationCheckSchedule", m.Id.ToString(), null, ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    private static string? AnswerWithinError(TimeSpan? answerWithin) => answerWithin switch
    {
        null => "answerWithin is required, e.g. \"02:00:00\" for two hours.",
        { } w when w < CommunicationChecks.MinAnswerWithin || w > CommunicationChecks.MaxAnswerWithin => "answerWithin is between 1 minute and 14 days.",
        _ => null,
    };

    private static ScheduleDto ToDto(CommunicationCheckSchedule s, Mechanism m) => new(m.Code, s.Every, s.AnswerWithin, s.NextRunAt);
}
