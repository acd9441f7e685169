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
        var a = actor.AgencyId;
        var q = s.Db.Requests.AsNoTracking().AsQueryable();
        // An open request is never a draft, so the draft filter (which needs the row) can be left out;
        // and an agency of the caller's own belongs to the caller's party, so its inbox needs no party filter.
        var hideDrafts = query.Open != true;
        var mine = query.Agency == "mine";
        q = (query.Direction, mine) switch
        {
            ("in", true) => q.Where(r => r.ToAgencyId == a),
            ("in", false) => q.Where(r => r.ToPartyId == p),
            ("out", true) => q.Where(r => r.FromAgencyId == a),
            ("out", false) => q.Where(r => r.FromPartyId == p),
            (_, true) => q.Where(r => r.FromAgencyId == a || r.ToAgencyId == a),
            _ => q.Where(r => r.FromPartyId == p || r.ToPartyId == p),
        };
        if (hideDrafts && query.Direction != "out")
            q = q.Where(r => r.Status != RequestStatus.Draft || r.FromPartyId == p);
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
        var skip = (page - 1) * pageSize;
        var items = query.Sort switch
        {
            "created" => await q.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Skip(skip).Take(pageSize).ToListAsync(ct),
            "updated" => await q.OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id).Skip(skip).Take(pageSize).ToListAsync(ct),
            _ => await ByUrgencyAsync(q, skip, pageSize, ct),
        };
        var ids = items.Select(r => r.Id).ToList();
        var deadlines = (await s.Db.RequestDeadlines.AsNoTracking().Where(d => ids.Contains(d.RequestId)).ToListAsync(ct)).ToLookup(d => d.RequestId);
        foreach (var item in items) item.Deadlines = deadlines[item.Id].ToList();
        var dir = await s.Directory.GetAsync(s.Db, ct);
        var instant = Instant.FromDateTimeUtc(now);
        return TypedResults.Ok(new PagedList<RequestSummary>(
            items.Select(r => RequestMapping.ToSummary(r, actor, dir, instant)).ToList(), total, page, pageSize));
    }

    /// Running deadlines first, soonest first, then the rest. Two queries rather than one "nulls last"
    /// sort, so that each can walk an (agency, open, next due) index in order and stop after a page.
    private static async Task<List<Request>> ByUrgencyAsync(IQueryable<Request> q, int skip, int take, CancellationToken ct)
    {
        var dated = await q.Where(r => r.NextDueAt != null).OrderBy(r => r.NextDueAt).ThenBy(r => r.Id).Skip(skip).Take(take).ToListAsync(ct);
        if (dated.Count == take) return dated;
        var datedTotal = dated.Count > 0 ? skip + dated.Count : await q.CountAsync(r => r.NextDueAt != null, ct);
        var undated = await q.Where(r => r.NextDueAt == null).OrderBy(r => r.Id)
            .Skip(Math.Max(0, skip - datedTotal)).Take(take - dated.Count).ToListAsync(ct);
        return [.. dated, .. undated];
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
