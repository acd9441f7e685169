using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Parley.Audit;
using Parley.Data;
using Parley.Deadlines;
using Parley.Directory;
using Parley.Identity;

namespace Parley.Hotline;

/// The on-call roster of each party. Both parties of a mechanism read both rosters and both sides'
/// contacts; each party writes only its own roster.
public static class RosterApi
{
    public const int MaxShiftDays = 31;
    public const int MaxNote = 1000;
    /// First half of the advisory lock key that serialises roster writes per user on PostgreSQL.
    private const int RosterLockKey = 0x504C_0004;

    public static void MapRoster(this RouteGroupBuilder group)
    {
        group.MapGet("/parties/{code}/shifts", ListAsync);
        group.MapPost("/parties/{code}/shifts", AddAsync);
        group.MapDelete("/parties/{code}/shifts/{id:guid}", DeleteAsync);
        group.MapGet("/parties/{code}/contacts", ContactsAsync);
        group.MapGet("/on-call/now", NowAsync);
    }

    private static async Task<Results<Ok<List<ShiftDto>>, NotFound>> ListAsync(
        string code, DateTimeOffset? from, DateTimeOffset? to, ClaimsPrincipal principal, ParleyDbContext db, TimeProvider time, CancellationToken ct)
    {
        var party = await HotlineAccess.FindPartyAsync(db, code, Actor.From(principal), ct);
        if (party is null) return TypedResults.NotFound();
        // By default: what is running now and what comes in the next four weeks.
        var start = from?.UtcDateTime ?? time.GetUtcNow().UtcDateTime;
        var end = to?.UtcDateTime ?? start.AddDays(28);
        var shifts = await db.OnCallShifts.AsNoTracking()
            .Where(s => s.PartyId == party.Id && s.EndsAt > start && s.StartsAt < end)
            .Join(db.Users.AsNoTracking(), s => s.UserId, u => u.Id, (s, u) => new { s, u })
            .OrderBy(x => x.s.StartsAt).ToListAsync(ct);
        return TypedResults.Ok(shifts.Select(x => ToDto(x.s, x.u, party)).ToList());
    }

    private static async Task<Results<Created<ShiftDto>, NotFound, ProblemHttpResult, ValidationProblem>> AddAsync(
        string code, ShiftInput body, ClaimsPrincipal principal, ParleyDbContext db, StorageOptions storage, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var party = await HotlineAccess.FindPartyAsync(db, code, actor, ct);
        if (party is null) return TypedResults.NotFound();
        if (party.Id != actor.PartyId || (actor.Roles & HotlineAccess.ManageRoles) == 0)
            return HotlineProblems.Forbidden($"Only {party.Code}'s hotline officers, supervisors and administrators manage its roster.");

        var errors = new Dictionary<string, string[]>();
        var zone = DateTimeZoneProviders.Tzdb[party.TimeZone];
        var starts = LocalTimeInput.Parse(body.StartsAt, zone, "startsAt", errors);
        var ends = LocalTimeInput.Parse(body.EndsAt, zone, "endsAt", errors);
        if (starts is not null && ends is not null && ends <= starts) errors["endsAt"] = ["endsAt must be after startsAt."];
        else if (ends - starts > TimeSpan.FromDays(MaxShiftDays)) errors["endsAt"] = [$"A shift lasts at most {MaxShiftDays} days."];
        if (body.Note?.Length > MaxNote) errors["note"] = [$"note is longer than {MaxNote} characters."];
        var user = await FindUserAsync(db, body.User, party.Id, errors, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        // Serialise additions for one person, so that two overlapping shifts sent at once cannot both pass the check.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (storage.Provider == StorageProvider.Postgres)
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({RosterLockKey}, {user!.Id.GetHashCode()})", ct);
        var clash = await db.OnCallShifts.AsNoTracking()
            .Where(s => s.UserId == user!.Id && s.StartsAt < ends && starts < s.EndsAt).OrderBy(s => s.StartsAt).FirstOrDefaultAsync(ct);
        if (clash is not null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["startsAt"] = [$"{user!.UserName} is already on call from {ZonedTime.In(party.TimeZone, clash.StartsAt)!.Local} to {ZonedTime.In(party.TimeZone, clash.EndsAt)!.Local} (shift {clash.Id}); shifts of one person may not overlap."],
            });

        var shift = new OnCallShift { Id = Guid.CreateVersion7(), PartyId = party.Id, UserId = user!.Id, StartsAt = starts!.Value, EndsAt = ends!.Value, Note = body.Note?.Trim() };
        db.OnCallShifts.Add(shift);
        await db.SaveAndCommitAsync(tx, ct);
        return TypedResults.Created($"/api/v1/hotline/parties/{party.Code}/shifts/{shift.Id}", ToDto(shift, user, party));
    }

    private static async Task<User?> FindUserAsync(ParleyDbContext db, string? reference, Guid partyId, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            errors["user"] = ["user is required (a user name or id of a hotline officer or supervisor of the party)."];
            return null;
        }
        var query = db.Users.AsNoTracking().Include(u => u.Agency);
        var user = Guid.TryParse(reference, out var id)
            ? await query.SingleOrDefaultAsync(u => u.Id == id, ct)
            : await query.SingleOrDefaultAsync(u => u.UserName == reference.Trim(), ct);
        if (user is null || user.Agency!.PartyId != partyId) errors["user"] = [$"No user '{reference}' in this party."];
        else if (!user.Has(Roles.HotlineOfficer) && !user.Has(Roles.Supervisor)) errors["user"] = [$"{user.UserName} is neither a hotline officer nor a supervisor."];
        else return user;
        return null;
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(
        string code, Guid id, ClaimsPrincipal principal, ParleyDbContext db, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var party = await HotlineAccess.FindPartyAsync(db, code, actor, ct);
        var shift = party is null ? null : await db.OnCallShifts.SingleOrDefaultAsync(s => s.Id == id && s.PartyId == party.Id, ct);
        if (shift is null) return TypedResults.NotFound();
        if (party!.Id != actor.PartyId || (actor.Roles & HotlineAccess.ManageRoles) == 0)
            return HotlineProblems.Forbidden($"Only {party.Code}'s hotline officers, supervisors and administrators manage its roster.");
        db.OnCallShifts.Remove(shift);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<List<PartyContactDto>>, NotFound>> ContactsAsync(
        string code, ClaimsPrincipal principal, ParleyDbContext db, CancellationToken ct)
    {
        var party = await HotlineAccess.FindPartyAsync(db, code, Actor.From(principal), ct);
        if (party is null) return TypedResults.NotFound();
        var contacts = await db.PointsOfContact.AsNoTracking()
            .Join(db.Agencies.AsNoTracking(), c => c.AgencyId, a => a.Id, (c, a) => new { c, a })
            .Where(x => x.a.PartyId == party.Id).OrderBy(x => x.a.Code).ThenBy(x => x.c.Name).ToListAsync(ct);
        return TypedResults.Ok(contacts.Select(x => ToDto(x.c, x.a)).ToList());
    }

    /// Each party of the caller's mechanisms (or of the one named) with who holds its hotline now.
    public static async Task<Results<Ok<OnCallNowDto>, NotFound>> NowAsync(
        string? mechanism, ClaimsPrincipal principal, ParleyDbContext db, TimeProvider time, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        List<Guid> partyIds;
        if (mechanism is null) partyIds = await HotlineAccess.PartnerPartyIdsAsync(db, actor, ct);
        else if (await HotlineAccess.FindMechanismAsync(db, mechanism, actor, ct) is { } m) partyIds = m.Parties.Select(p => p.PartyId).ToList();
        else return TypedResults.NotFound();

        var now = time.GetUtcNow().UtcDateTime;
        var parties = await db.Parties.AsNoTracking().Where(p => partyIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var answers = await OnCall.AtAsync(db, partyIds, now, ct);
        var result = answers.OrderBy(a => parties[a.PartyId].Code).Select(a =>
        {
            var party = parties[a.PartyId];
            return new OnCallDto(party.Code, party.TimeZone, ZonedTime.In(party.TimeZone, now)!,
                a.Holders.Select(h => ToDto(h.Shift, h.User, party)).ToList(), a.Holders.Count == 0,
                a.Fallback.Select(f => ToDto(f.Contact, f.Agency)).ToList());
        }).ToList();
        return TypedResults.Ok(new OnCallNowDto(now, result));
    }

    public static ShiftDto ToDto(OnCallShift s, User u, Party party) => new(s.Id, party.Code,
        new UserRef(u.Id, u.UserName, u.DisplayName, u.Email),
        ZonedTime.In(party.TimeZone, s.StartsAt)!, ZonedTime.In(party.TimeZone, s.EndsAt)!, s.StartsAt, s.EndsAt, s.Note);

    public static PartyContactDto ToDto(PointOfContact c, Agency a) => new(c.Id, a.Code, c.Name, c.Email, c.Phone, c.WebhookUrl, c.Availability);
}
