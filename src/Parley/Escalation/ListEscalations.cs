using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Parley.Identity;
using Parley.Requests;

namespace Parley.Escalation;

/// GET /api/v1/escalations: the escalations of the requests the caller's party sends or receives, newest first.
public static class ListEscalations
{
    public const int MaxPageSize = 200;

    public sealed record Query(string? Status, int? Level, string? Mechanism, int? Page, int? PageSize);

    public static async Task<Results<Ok<PagedList<EscalationDto>>, ValidationProblem>> HandleAsync(
        [AsParameters] Query query, ClaimsPrincipal principal, RequestServices s, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var errors = new Dictionary<string, string[]>();
        var statuses = new List<EscalationStatus>();
        foreach (var part in (query.Status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = Enum.GetValues<EscalationStatus>().Where(v => EscalationAccess.Kebab(v) == part.ToLowerInvariant()).ToList();
            if (match.Count == 0) errors["status"] = ["status is one or more of open, acknowledged, resolved."];
            else statuses.Add(match[0]);
        }
        if (query.Level is < 1) errors["level"] = ["level starts at 1."];
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? 50;
        if (page < 1) errors["page"] = ["page starts at 1."];
        if (pageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"pageSize is between 1 and {MaxPageSize}."];
        var dir = await s.Directory.GetAsync(s.Db, ct);
        Guid? mechanismId = null;
        if (!string.IsNullOrWhiteSpace(query.Mechanism))
        {
            mechanismId = dir.Mechanisms.Values.FirstOrDefault(m => m.Id.ToString() == query.Mechanism.Trim().ToLowerInvariant()
                || string.Equals(m.Code, query.Mechanism.Trim(), StringComparison.OrdinalIgnoreCase))?.Id;
            if (mechanismId is null) errors["mechanism"] = [$"No mechanism '{query.Mechanism}'."];
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var p = actor.PartyId;
        var q = from e in s.Db.Escalations.AsNoTracking()
                join r in s.Db.Requests on e.RequestId equals r.Id
                where r.FromPartyId == p || (r.ToPartyId == p && r.Status != RequestStatus.Draft)
                select e;
        if (statuses.Count > 0) q = q.Where(e => statuses.Contains(e.Status));
        if (query.Level is { } level) q = q.Where(e => e.Level == level);
        if (mechanismId is { } mid) q = q.Where(e => e.MechanismId == mid);

        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(e => e.RaisedAt).ThenByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var requestIds = items.Select(e => e.RequestId).Distinct().ToList();
        var requests = await s.Db.Requests.AsNoTracking().Where(r => requestIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var ladders = await EscalationLadder.ForAsync(s.Db, items.Select(e => e.MechanismId).Distinct().ToList(), ct);
        return TypedResults.Ok(new PagedList<EscalationDto>(
            items.Select(e => EscalationMapping.ToDto(e, requests[e.RequestId], ladders.GetValueOrDefault(e.MechanismId) ?? [], actor, dir, withSteps: false)).ToList(),
            total, page, pageSize));
    }
}
