using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parley.Directory;
using Parley.Identity;
using Parley.Quality;
using Parley.Requests;
using Parley.Web;

namespace Parley.Pages.Requests;

/// One request: its whole timeline, its deadlines, and a form for each step the viewer may take now.
/// Every step goes through the API's own handler, so the page offers and accepts exactly what the API does.
[Authorize(Policy = Policies.CaseReader)]
public sealed class WorkspaceModel(RequestServices s) : PageModel
{
    [FromRoute] public string Id { get; set; } = "";
    public RequestDetail Detail { get; private set; } = null!;
    public string ViewerZone { get; private set; } = "UTC";
    public string CounterpartZone { get; private set; } = "UTC";
    public string? Refused { get; private set; }
    public string? FailedAction { get; private set; }
    public bool CanRate { get; private set; }

    [BindProperty] public string? Message { get; set; }
    [BindProperty] public string? ETag { get; set; }
    [BindProperty] public int? Completeness { get; set; }
    [BindProperty] public int? Relevance { get; set; }
    [BindProperty] public int? Actionability { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostActAsync(string? step, CancellationToken ct)
    {
        var action = RequestTransitions.Routes.Where(r => r.Value == step).Select(r => (RequestAction?)r.Key).FirstOrDefault();
        if (action is null) return BadRequest();
        // The form carries the version it was read at; a step on a stale page is refused (412) instead of acting blind.
        if (!string.IsNullOrEmpty(ETag)) HttpContext.Request.Headers.IfMatch = ETag;
        var result = await RequestTransitions.ApplyAsync(action.Value, Id, new RequestTransitions.TransitionBody(Message, Message), User, s, HttpContext, ct);
        HttpContext.Response.Headers.Remove("ETag");
        return await AfterAsync(result.Result, step!, ct);
    }

    public async Task<IActionResult> OnPostRateAsync(CancellationToken ct)
    {
        RatingOutcome? outcome = Outcome switch
        {
            "information-provided" => RatingOutcome.InformationProvided,
            "mitigation-confirmed" => RatingOutcome.MitigationConfirmed,
            "nothing-usable" => RatingOutcome.NothingUsable,
            _ => null,
        };
        var result = await RatingApi.RateAsync(Id, new RatingApi.RatingInput(Completeness, Relevance, Actionability, outcome, Comment), User, s, ct);
        return await AfterAsync(result.Result, "rate", ct);
    }

    private async Task<IActionResult> AfterAsync(IResult result, string step, CancellationToken ct)
    {
        if (PageResults.Refusal(result, ModelState) is not { } refusal) return Redirect($"/requests/{Id}");
        if (refusal.Status == 404) return NotFound();
        Response.StatusCode = refusal.Status;
        Refused = refusal.Detail ?? refusal.Title;
        FailedAction = step;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var result = await RequestsApi.GetAsync(Id, User, s, HttpContext, ct);
        HttpContext.Response.Headers.Remove("ETag");
        if (result.Result is not Ok<RequestDetail> ok) return false;
        Detail = ok.Value!;
        ETag = RequestETag.Format(Detail.Summary.Version);
        var actor = Actor.From(User);
        var summary = Detail.Summary;
        ViewerZone = actor.TimeZone ?? (summary.ViewerSide == Side.Requesting ? summary.From.TimeZone : summary.To.TimeZone);
        CounterpartZone = summary.ViewerSide == Side.Requesting ? summary.To.TimeZone : summary.From.TimeZone;
        CanRate = Detail.Rating is null && summary.ViewerSide == Side.Requesting
                  && (actor.Roles & RequestStateMachine.ActingRoles) != 0 && actor.AgencyId == summary.FromAgency.Id
                  && Detail.Timeline.Any(e => e.Type == RequestEventType.FinalAnswer);
        return true;
    }

    public static bool NeedsMessage(RequestAction action) => RequestStateMachine.Rules[action].MessageRequired;
}
