using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Deadlines;
using Parley.Hosting;
using Parley.Identity;

namespace Parley.Directory;

/// Administrators' writes to the directory: their own party, its agencies and points of contact, and the
/// mechanisms their party belongs to; anything else is "not found". Each write invalidates the cached
/// directory. New parties come from the command line (<see cref="DirectoryBootstrap"/>).
public static class DirectoryAdmin
{
    public static async Task<Results<Ok<PartyDto>, NotFound, ValidationProblem>> PutPartyAsync(
        string code, PartyInput body, ClaimsPrincipal principal, ParleyDbContext db, DirectoryCache cache, CancellationToken ct)
    {
        var partyId = Actor.From(principal).PartyId;
        var upper = code.ToUpperInvariant();
        var party = await db.Parties.Include(p => p.CalendarDays).SingleOrDefaultAsync(p => p.Code == upper && p.Id == partyId, ct);
        if (party is null) return TypedResults.NotFound();
        var errors = ModelValidation.Check(body);
        if (!string.Equals(code, body.Code, StringComparison.OrdinalIgnoreCase)) errors["code"] = ["code must match the address."];
        if (body.TimeZone is not null && !ZonedTime.IsKnownZone(body.TimeZone)) errors["timeZone"] = [$"'{body.TimeZone}' is not an IANA time zone."];
        if (body.WorkdayStart >= body.WorkdayEnd) errors["workdayEnd"] = ["workdayEnd must be after workdayStart."];
        if (body.WorkingWeek is { Count: 0 }) errors["workingWeek"] = ["A working week has at least one day."];
        if (body.CalendarDays?.GroupBy(d => d.Date).Any(g => g.Count() > 1) == true) errors["calendarDays"] = ["Each date appears once."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        party.Name = body.Name!;
        party.TimeZone = body.TimeZone!;
        if (body.WorkingWeek is not null) party.WorkingWeek = DirectoryMapping.ToWeek(body.WorkingWeek);
        if (body.WorkdayStart is { } start) party.WorkdayStart = start;
        if (body.WorkdayEnd is { } end) party.WorkdayEnd = end;
        if (body.CalendarDays is not null)
        {
            db.RemoveRange(party.CalendarDays);
            party.CalendarDays.Clear();
            party.CalendarDays.AddRange(body.CalendarDays.Select(d => new CalendarDay { Id = Guid.CreateVersion7(), PartyId = party.Id, Date = d.Date, Kind = d.Kind, Name = d.Name }));
        }
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Ok(DirectoryMapping.ToDto(party));
    }

    public static async Task<Results<Created<AgencyDto>, ValidationProblem>> AddAgencyAsync(
        AgencyInput body, ClaimsPrincipal principal, ParleyDbContext db, DirectoryCache cache, CancellationToken ct)
    {
        var errors = ModelValidation.Check(body);
        var partyId = Actor.From(principal).PartyId;
        var party = body.PartyCode is null ? null : await db.Parties.SingleOrDefaultAsync(p => p.Code == body.PartyCode.ToUpperInvariant() && p.Id == partyId, ct);
        if (body.PartyCode is not null && party is null) errors["partyCode"] = ["partyCode must be your own party."];
        if (party is not null && await db.Agencies.AnyAsync(a => a.PartyId == party.Id && a.Code == body.Code, ct))
            errors["code"] = [$"{party.Code} already has an agency '{body.Code}'."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var agency = new Agency { Id = Guid.CreateVersion7(), PartyId = party!.Id, Code = body.Code!, Name = body.Name! };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Created($"/api/v1/directory/agencies/{agency.Id}", DirectoryMapping.ToDto(agency, party.Code));
    }

    public static async Task<Results<Created<ContactDto>, NotFound, ValidationProblem>> AddContactAsync(
        Guid id, ContactInput body, ClaimsPrincipal principal, ParleyDbContext db, CancellationToken ct)
    {
        var partyId = Actor.From(principal).PartyId;
        if (!await db.Agencies.AnyAsync(a => a.Id == id && a.PartyId == partyId, ct)) return TypedResults.NotFound();
        var errors = ModelValidation.Check(body);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var contact = new PointOfContact
        {
            Id = Guid.CreateVersion7(), AgencyId = id, Name = body.Name!, Email = body.Email, Phone = body.Phone,
            WebhookUrl = body.WebhookUrl, Availability = body.Availability,
        };
        db.PointsOfContact.Add(contact);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/directory/agencies/{id}", new ContactDto(contact.Id, contact.Name, contact.Email, contact.Phone, contact.WebhookUrl, contact.Availability));
    }

    public static async Task<Results<Created<MechanismDto>, ValidationProblem>> AddMechanismAsync(
        MechanismInput body, ClaimsPrincipal principal, ParleyDbContext db, DirectoryCache cache, CancellationToken ct)
    {
        var errors = ModelValidation.Check(body);
        var codes = body.Parties?.Select(c => c.ToUpperInvariant()).Distinct().ToList() ?? [];
        var parties = await db.Parties.Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Id, ct);
        if (parties.Count != codes.Count) errors["parties"] = [$"Unknown party: {string.Join(", ", codes.Except(parties.Values.Select(p => p.Code)))}."];
        else if (codes.Count < 2) errors["parties"] = ["A mechanism joins at least two parties."];
        else if (!parties.ContainsKey(Actor.From(principal).PartyId)) errors["parties"] = ["A mechanism you create includes your own party."];
        if (body.Code is not null && await db.Mechanisms.AnyAsync(m => m.Code == body.Code, ct)) errors["code"] = [$"Mechanism '{body.Code}' exists."];
        if (body.Policies?.GroupBy(p => p.Priority).Any(g => g.Count() > 1) == true) errors["policies"] = ["One policy per priority."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var mechanism = new Mechanism { Id = Guid.CreateVersion7(), Code = body.Code!, Name = body.Name!, AgreementDate = body.AgreementDate!.Value, Description = body.Description };
        mechanism.Parties.AddRange(parties.Keys.Select(id => new MechanismParty { MechanismId = mechanism.Id, PartyId = id }));
        mechanism.Policies.AddRange((body.Policies ?? []).Select(p => ToPolicy(mechanism.Id, p)));
        db.Mechanisms.Add(mechanism);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Created($"/api/v1/directory/mechanisms/{mechanism.Code}", DirectoryMapping.ToDto(mechanism, parties));
    }

    public static async Task<Results<Ok<PolicyDto>, NotFound, ValidationProblem>> PutPolicyAsync(
        string code, PolicyDto body, ClaimsPrincipal principal, ParleyDbContext db, DirectoryCache cache, CancellationToken ct)
    {
        var mechanism = await AdminScope.Mechanisms(db, Actor.From(principal)).Include(m => m.Policies).SingleOrDefaultAsync(m => m.Code == code, ct);
        if (mechanism is null) return TypedResults.NotFound();
        if (body.AcknowledgeWithin <= TimeSpan.Zero || body.FirstAnswerWithin < body.AcknowledgeWithin || body.FinalAnswerWithin < body.FirstAnswerWithin)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["finalAnswerWithin"] = ["Spans are positive and ordered: acknowledge ≤ first answer ≤ final answer."],
            });
        mechanism.Policies.RemoveAll(p => p.Priority == body.Priority);
        mechanism.Policies.Add(ToPolicy(mechanism.Id, body));
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Ok(body);
    }

    public static async Task<Results<Created<RoundDto>, NotFound, ValidationProblem>> AddRoundAsync(
        string code, RoundInput body, ClaimsPrincipal principal, ParleyDbContext db, CancellationToken ct)
    {
        var mechanism = await AdminScope.Mechanisms(db, Actor.From(principal)).SingleOrDefaultAsync(m => m.Code == code, ct);
        if (mechanism is null) return TypedResults.NotFound();
        var errors = ModelValidation.Check(body);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var round = new DialogueRound { Id = Guid.CreateVersion7(), MechanismId = mechanism.Id, Date = body.Date!.Value, Title = body.Title!, Location = body.Location };
        db.DialogueRounds.Add(round);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/directory/mechanisms/{code}", new RoundDto(round.Id, round.Date, round.Title, round.Location));
    }

    private static TimelinePolicy ToPolicy(Guid mechanismId, PolicyDto p) => new()
    {
        Id = Guid.CreateVersion7(), MechanismId = mechanismId, Priority = p.Priority, Clock = p.Clock,
        AcknowledgeWithin = p.AcknowledgeWithin, FirstAnswerWithin = p.FirstAnswerWithin, FinalAnswerWithin = p.FinalAnswerWithin,
    };
}
