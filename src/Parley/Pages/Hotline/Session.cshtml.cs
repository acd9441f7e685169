using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parley.Data;
using Parley.Hotline;
using Parley.Identity;
using Parley.Web;

namespace Parley.Pages.Hotline;

/// One hotline session: who was called and when each side acknowledged, the notes, the linked requests and
/// the outcome; the forms go through the API's session steps (same role checks, 412 on a stale page, 409 once closed).
[Authorize(Policy = Policies.CaseReader)]
public sealed class SessionModel(ParleyDbContext db, TimeProvider time) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    public SessionDetail Detail { get; private set; } = null!;
    public string ViewerZone { get; private set; } = "UTC";
    public string? Refused { get; private set; }

    [BindProperty] public string? ETag { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? Note { get; set; }

    public Actor Viewer => Actor.From(User);
    public bool MayAct => Detail.Status == HotlineSessionStatus.Open && (Viewer.Roles & HotlineAccess.SessionRoles) != 0;

    /// The viewer's side was called and has not acknowledged; hotline officers, supervisors or the person called may do it.
    public bool MayAcknowledge => Detail.Status == HotlineSessionStatus.Open
        && Detail.Participants.FirstOrDefault(p => p.Party == PartyCode) is { AcknowledgedAt: null } side
        && ((Viewer.Roles & HotlineAccess.SessionRoles) != 0 || side.CalledUser?.Id == Viewer.UserId);

    private string PartyCode { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAcknowledgeAsync(CancellationToken ct) =>
        RunAsync(() => HotlineSessionSteps.AcknowledgeAsync(Id, User, db, time, HttpContext, ct), ct);

    public Task<IActionResult> OnPostNoteAsync(CancellationToken ct) =>
        RunAsync(() => HotlineSessionSteps.AddNoteAsync(Id, new NoteInput(Text), User, db, time, HttpContext, ct), ct);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
    {
        HotlineOutcome? outcome = Enum.GetValues<HotlineOutcome>().Where(o => Display.Kebab(o) == Outcome).Select(o => (HotlineOutcome?)o).FirstOrDefault();
        return RunAsync(() => HotlineSessionSteps.CloseAsync(Id, new CloseSessionInput(outcome, Note), User, db, time, HttpContext, ct), ct);
    }

    private async Task<IActionResult> RunAsync(Func<Task<IResult>> step, CancellationToken ct)
    {
        // The form carries the version it was read at; a step on a stale page is refused (412).
        if (!string.IsNullOrEmpty(ETag)) HttpContext.Request.Headers.IfMatch = ETag;
        var result = await step();
        HttpContext.Response.Headers.Remove("ETag");
        if (PageResults.Refusal(result, ModelState) is not { } refusal) return Redirect($"/hotline/sessions/{Id}");
        if (refusal.Status == 404) return NotFound();
        db.ChangeTracker.Clear();
        Response.StatusCode = refusal.Status;
        Refused = refusal.Detail ?? refusal.Title;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var actor = Viewer;
        var session = await HotlineSessionsApi.FindAsync(db, Id, actor, ct);
        if (session is null) return false;
        Detail = (await HotlineSessionsApi.DetailAsync(db, session, HttpContext, ct)).Value!;
        HttpContext.Response.Headers.Remove("ETag");
        ETag = HotlineSessionsApi.ETag(session);
        var party = await db.Parties.FindAsync([actor.PartyId], ct);
        PartyCode = party?.Code ?? "";
        ViewerZone = actor.TimeZone ?? party?.TimeZone ?? "UTC";
        return true;
    }
}
