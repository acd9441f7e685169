using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Parley.Data;
using Parley.Deadlines;
using Parley.Directory;
using Parley.Identity;

namespace Parley.Requests;

/// POST /api/v1/requests: a new draft, or a request submitted at once.
public static class SubmitRequest
{
    public static async Task<Results<Created<RequestDetail>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        CreateRequest body, ClaimsPrincipal principal, ParleyDbContext db, DirectoryCache directory,
        DeadlineRules rules, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        if ((actor.Roles & RequestStateMachine.ActingRoles) == 0)
            return TypedResults.Problem("Only officers and supervisors send requests.", statusCode: 403);

        var errors = CreateRequestValidation.Validate(body, out var indicators);
        var dir = await directory.GetAsync(db, ct);
        var fromParty = dir.Parties[actor.PartyId];
        var toParty = body.ToParty is null ? null
            : dir.Parties.Values.FirstOrDefault(p => p.Code.Equals(body.ToParty.Trim(), StringComparison.OrdinalIgnoreCase));
        if (body.ToParty is not null && toParty is null) errors["toParty"] = [$"No party with code '{body.ToParty}'."];
        if (toParty?.Id == fromParty.Id) errors["toParty"] = ["A request goes to another party."];

        Agency? toAgency = null;
        if (!string.IsNullOrWhiteSpace(body.ToAgency) && toParty is not null)
        {
            toAgency = dir.Agencies.Values.FirstOrDefault(a => a.PartyId == toParty.Id
                && (a.Code.Equals(body.ToAgency, StringComparison.OrdinalIgnoreCase) || a.Id.ToString() == body.ToAgency));
            if (toAgency is null) errors["toAgency"] = [$"{toParty.Code} has no agency '{body.ToAgency}'."];
        }

        var mechanism = toParty is null ? null : FindMechanism(dir, body.Mechanism, fromParty.Id, toParty.Id, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var rule = await rules.ForAsync(db, mechanism!.Id, body.Priority!.Value, toParty!.Id, ct);
        if (rule is null)
            return TypedResults.Problem($"Mechanism {mechanism.Code} has no timeline policy for {body.Priority} requests.", statusCode: 409);

        var now = time.GetUtcNow().UtcDateTime;
        var request = new Request
        {
            Id = Guid.CreateVersion7(now),
            MechanismId = mechanism.Id,
            FromPartyId = fromParty.Id,
            FromAgencyId = actor.AgencyId,
            ToPartyId = toParty.Id,
            ToAgencyId = toAgency?.Id,
            Kind = body.Kind!.Value,
            Priority = body.Priority.Value,
            Subject = body.Subject!.Trim(),
            Narrative = body.Narrative!.Trim(),
            ActivityStart = body.ActivityStart?.ToUniversalTime(),
            ActivityEnd = body.ActivityEnd?.ToUniversalTime(),
            Sector = body.Sector?.Trim(),
            Victims = body.Victims?.Trim(),
            Tlp = body.Tlp!.Value,
            LegalBasis = body.LegalBasis?.Trim(),
            CreatedAt = now,
        };
        foreach (var indicator in indicators)
        {
            indicator.Id = Guid.CreateVersion7(now);
            indicator.RequestId = request.Id;
            request.Indicators.Add(indicator);
        }

        var drafted = RequestTimeline.Append(request, RequestEventType.Drafted, actor, now, null, rule);
        drafted.Payload = JsonSerializer.Serialize(new
        {
            request.MechanismId, request.FromPartyId, request.FromAgencyId, request.ToPartyId, request.ToAgencyId,
            request.Kind, request.Priority, request.Subject, request.Narrative, request.ActivityStart, request.ActivityEnd,
            request.Sector, request.Victims, request.Tlp, request.LegalBasis,
            Indicators = request.Indicators.Select(i => new IndicatorDto(i.Type, i.Value, i.HashAlgorithm, i.Note)),
        }, RequestJson.Options);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!body.Draft)
        {
            request.Reference = await ReferenceNumbers.NextAsync(db, mechanism.Id, fromParty.Code, toParty.Code, now.Year, ct);
            RequestTimeline.Append(request, RequestEventType.Submitted, actor, now, null, rule);
        }
        db.Requests.Add(request);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        http.Response.Headers.ETag = RequestETag.Of(request);
        var detail = RequestMapping.ToDetail(request, actor, dir, Instant.FromDateTimeUtc(now));
        return TypedResults.Created($"/api/v1/requests/{request.Id}", detail);
    }

    private static Mechanism? FindMechanism(DirectoryCache.DirectorySnapshot dir, string? wanted, Guid from, Guid to, Dictionary<string, string[]> errors)
    {
        var shared = dir.Mechanisms.Values
            .Where(m => m.Parties.Any(p => p.PartyId == from) && m.Parties.Any(p => p.PartyId == to)).ToList();
        if (!string.IsNullOrWhiteSpace(wanted))
        {
            var match = shared.FirstOrDefault(m => m.Code.Equals(wanted, StringComparison.OrdinalIgnoreCase) || m.Id.ToString() == wanted);
            if (match is null) errors["mechanism"] = [$"'{wanted}' is not a mechanism between these two parties."];
            return match;
        }
        if (shared.Count == 1) return shared[0];
        errors["mechanism"] = [shared.Count == 0
            ? "The two parties share no mechanism."
            : $"Several mechanisms join these parties; name one of: {string.Join(", ", shared.Select(m => m.Code))}."];
        return null;
    }
}
