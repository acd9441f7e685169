using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Parley.Directory;
using Parley.Identity;

namespace Parley.Requests;

/// GET /api/v1/requests: the caller's party's requests, filtered, sorted and paged.
public static class ListRequests
{
    public const int MaxPageSize = 200;

    public sealed record Query(
        string? Direction, string? Status, string? Priority, string? Kind, bool? Overdue, bool? Open,
        string? Agency, string? Q, string? Sort, int? Page, int? PageSize);

    public static async Task<Results<Ok<PagedList<RequestSummary>>, ValidationProblem>> HandleAsync(
        [AsParameters] Query query, ClaimsPrincipal principal, RequestServices s, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var errors = new Dictionary<string, string[]>();
        var statuses = ParseList<RequestStatus>(query.Status, "status", errors);
        var priorities = ParseList<Priority>(query.Priority, "priority", errors);
        var kinds = ParseList<RequestKind>(query.Kind, "kind", errors);
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? 50;
        if (page < 1) errors["page"] = ["page starts at 1."];
        if (pageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"pageSize is between 1 and {MaxPageSize}."];
        if (query.Direction is not (null or "in" or "out" or "all")) errors["direction"] = ["direction is in, out or all."];
        if (query.Sort is not (null or "due" or "created" or "updated")) errors["sort"] = ["sort is due, created or updated."];
        if (query.Agency is not (null or "mine")) errors["agency"] = ["agency is 'mine' or absent."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var p = actor.PartyId;
        var q = s.Db.Requests.AsNoTracking().AsQueryable();
        q = query.Direction switch
        {
            "in" => q.Where(r => r.ToPartyId == p && r.Status != RequestStatus.Draft),
            "out" => q.Where(r => r.FromPartyId == p),
            _ => q.Where(r => r.FromPartyId == p || (r.ToPartyId == p && r.Status != RequestStatus.Draft)),
        };
        if (query.Agency == "mine")
        {
            var a = actor.AgencyId;
            q = query.Direction switch
            {
                "in" => q.Where(r => r.ToAgencyId == a),
                "out" => q.Where(r => r.FromAgencyId == a),
                _ => q.Where(r => r.FromAgencyId == a || r.ToAgencyId == a),
            };
        }
        if (statuses.Count > 0) q = q.Where(r => statuses.Contains(r.Status));
        if (priorities.Count > 0) q = q.Where(r => priorities.Contains(r.Priority));
        if (kinds.Count > 0) q = q.Where(r => kinds.Contains(r.Kind));
        if (query.Open is { } open) q = q.Where(r => r.IsOpen == open);
        var now = s.Time.GetUtcNow().UtcDateTime;
        if (query.Overdue == true) q = q.Where(r => r.NextDueAt < now);
        if (query.Overdue == false) q = q.Where(r => r.NextDueAt == null || r.NextDueAt >= now);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim().ToLower();
            q = q.Where(r => r.Subject.ToLower().Contains(text) || r.Narrative.ToLower().Contains(text)
                             || (r.Reference != null && r.Reference.ToLower().Contains(text)));
        }

        var total = await q.CountAsync(ct);
        q = query.Sort switch
        {
            "created" => q.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id),
            "updated" => q.OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id),
            _ => q.OrderBy(r => r.NextDueAt == null).ThenBy(r => r.NextDueAt).ThenBy(r => r.Id),
        };
        var items = await q.Skip((page - 1) * pageSize).Take(pageSize).Include(r => r.Deadlines).AsSplitQuery().ToListAsync(ct);
        var dir = await s.Directory.GetAsync(s.Db, ct);
        var instant = Instant.FromDateTimeUtc(now);
        return TypedResults.Ok(new PagedList<RequestSummary>(
            items.Select(r => RequestMapping.ToSummary(r, actor, dir, instant)).ToList(), total, page, pageSize));
    }

    private static List<T> ParseList<T>(string? value, string field, Dictionary<string, string[]> errors) where T : struct, Enum
    {
        var result = new List<T>();
        if (string.IsNullOrWhiteSpace(value)) return result;
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = Enum.GetValues<T>().Where(v => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()) == part.ToLowerInvariant()).ToList();
            if (match.Count == 0)
            {
                errors[field] = [$"'{part}' is not a {field}; use one of {string.Join(", ", Enum.GetValues<T>().Select(v => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString())))}."];
                return result;
            }
            result.Add(match[0]);
        }
        return result;
    }
}
