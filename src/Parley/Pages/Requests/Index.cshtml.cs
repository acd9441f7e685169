using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Parley.Identity;
using Parley.Requests;
using Parley.Web;

namespace Parley.Pages.Requests;

/// The agency's inbox (incoming) or outbox (outgoing): most urgent first, with the count of requests
/// waiting for the viewer's side to act.
[Authorize(Policy = Policies.CaseReader)]
public sealed class IndexModel(RequestServices s) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Box { get; set; } = "in";
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Priority { get; set; }
    [BindProperty(SupportsGet = true)] public string Show { get; set; } = "open";
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "due";
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PagedList<RequestSummary> Items { get; private set; } = new([], 0, 1, 50);
    public int NeedsMyAction { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Box is not ("in" or "out")) Box = "in";
        var query = new ListRequests.Query(Box, Status, Priority, null, null, Show == "open" ? true : Show == "closed" ? false : null,
            null, Q, Sort, PageNumber, 50);
        var result = await ListRequests.HandleAsync(query, User, s, ct);
        if (result.Result is Ok<PagedList<RequestSummary>> ok) Items = ok.Value!;
        else if (PageResults.Refusal(result.Result, ModelState) is { } refusal) Response.StatusCode = refusal.Status;
        NeedsMyAction = await CountNeedingActionAsync(Actor.From(User), ct);
        return Page();
    }

    /// Incoming requests to acknowledge or answer, and outgoing ones to clarify, close or rate; two counts
    /// so that each is answered from its own index.
    private async Task<int> CountNeedingActionAsync(Actor actor, CancellationToken ct)
    {
        if ((actor.Roles & RequestStateMachine.ActingRoles) == 0) return 0;
        var (p, a) = (actor.PartyId, actor.AgencyId);
        RequestStatus[] toAnswer = [RequestStatus.Submitted, RequestStatus.Acknowledged, RequestStatus.InProgress];
        RequestStatus[] toFollowUp = [RequestStatus.AwaitingClarification, RequestStatus.Answered];
        var incoming = await s.Db.Requests.CountAsync(r => r.ToPartyId == p && toAnswer.Contains(r.Status) && (r.ToAgencyId == null || r.ToAgencyId == a), ct);
        var outgoing = await s.Db.Requests.CountAsync(r => r.FromAgencyId == a && toFollowUp.Contains(r.Status), ct);
        return incoming + outgoing;
    }
}
