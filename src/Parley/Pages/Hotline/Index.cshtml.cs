using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Parley.Escalation;
using Parley.Hotline;
using Parley.Identity;
using Parley.Requests;
using Parley.Web;

namespace Parley.Pages.Hotline;

/// The hotline console: open escalations by level with their acknowledgement deadlines, who is on call on
/// each side, the hotline sessions and the communication checks. Every button posts to the API's own
/// handler, so the console offers and accepts exactly what the API does.
[Authorize(Policy = Policies.CaseReader)]
public sealed class IndexModel(RequestServices s, IOptions<HotlineOptions> options) : PageModel
{
    public const int PastSessions = 20, RecentChecks = 5;

    public IReadOnlyList<EscalationDto> Escalations { get; private set; } = [];
    public OnCallNowDto? OnCallNow { get; private set; }
    public IReadOnlyList<SessionSummary> Sessions { get; private set; } = [];
    public IReadOnlyList<(string Mechanism, List<CheckSummary> Checks)> Checks { get; private set; } = [];
    public string ViewerZone { get; private set; } = "UTC";
    /// The other side's zone per mechanism code, for the local time beside each deadline.
    public Dictionary<string, string> CounterpartZones { get; } = new();
    public string? Refused { get; private set; }
    public Guid? FailedEscalation { get; private set; }

    public Actor Viewer => Actor.From(User);
    public bool MayOpenSessions => (Viewer.Roles & HotlineAccess.SessionRoles) != 0;
    public bool MayStartChecks => (Viewer.Roles & HotlineAccess.ManageRoles) != 0;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid escalation, string? note, CancellationToken ct) =>
        await AfterAsync((await EscalationDecisions.AcknowledgeAsync(escalation, new(note), User, s.Db, s.Directory, s.Time, ct)).Result, escalation, ct);

    public async Task<IActionResult> OnPostResolveAsync(Guid escalation, string? resolution, CancellationToken ct) =>
        await AfterAsync((await EscalationDecisions.ResolveAsync(escalation, new(resolution), User, s.Db, s.Directory, s.Time, ct)).Result, escalation, ct);

    public async Task<IActionResult> OnPostOpenSessionAsync(Guid escalation, CancellationToken ct)
    {
        var result = await OpenHotlineSession.HandleAsync(new OpenSessionInput(null, escalation, null, null), User, s.Db, s.Time, options, HttpContext, ct);
        if (result.Result is Created<SessionDetail> created) return Redirect($"/hotline/sessions/{created.Value!.Id}");
        return await AfterAsync(result.Result, escalation, ct);
    }

    public async Task<IActionResult> OnPostCheckAsync(string mechanism, int? answerWithinMinutes, CancellationToken ct)
    {
        var within = answerWithinMinutes is { } m ? TimeSpan.FromMinutes(m) : (TimeSpan?)null;
        var result = await CommunicationChecksApi.StartAsync(mechanism, new StartCheckInput(within), User, s.Db, s.Time, options, s.Watch, ct);
        if (PageResults.Refusal(result.Result, ModelState, "check-") is { } refusal) return await RefusedAsync(refusal, null, ct);
        return Redirect("/hotline#checks");
    }

    private async Task<IActionResult> AfterAsync(IResult result, Guid escalation, CancellationToken ct)
    {
        if (PageResults.Refusal(result, ModelState, $"e{escalation:N}-") is not { } refusal) return Redirect("/hotline");
        return await RefusedAsync(refusal, escalation, ct);
    }

    private async Task<IActionResult> RefusedAsync((int Status, string Title, string? Detail) refusal, Guid? escalation, CancellationToken ct)
    {
        if (refusal.Status == 404) return NotFound();
        Response.StatusCode = refusal.Status;
        Refused = refusal.Detail ?? refusal.Title;
        FailedEscalation = escalation;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = Viewer;
        var list = await ListEscalations.HandleAsync(new ListEscalations.Query("open,acknowledged", null, null, 1, ListEscalations.MaxPageSize), User, s, ct);
        if (list.Result is Ok<PagedList<EscalationDto>> ok)
            Escalations = ok.Value!.Items.OrderByDescending(e => e.Level).ThenBy(e => e.AcknowledgeDueAt ?? DateTime.MaxValue).ToList();
        if ((await RosterApi.NowAsync(null, User, s.Db, s.Time, ct)).Result is Ok<OnCallNowDto> now) OnCallNow = now.Value;
        if ((await HotlineSessionsApi.ListAsync(new HotlineSessionsApi.Query("all", null, null, null), User, s.Db, ct)).Result is Ok<List<SessionSummary>> sessions)
            Sessions = sessions.Value!.Where(x => x.Status == HotlineSessionStatus.Open).Concat(sessions.Value!.Where(x => x.Status != HotlineSessionStatus.Open).Take(PastSessions)).ToList();
        var checks = new List<(string, List<CheckSummary>)>();
        var dir = await s.Directory.GetAsync(s.Db, ct);
        foreach (var id in await HotlineAccess.MechanismIdsAsync(s.Db, actor, ct))
            if (await HotlineAccess.FindMechanismAsync(s.Db, id.ToString(), actor, ct) is { } m)
                checks.Add((m.Code, (await CommunicationCheckResults.SummariesAsync(s.Db, m, null, null, ct)).OrderByDescending(c => c.StartedAt).Take(RecentChecks).ToList()));
        Checks = checks;
        foreach (var m in dir.Mechanisms.Values.Where(m => m.Parties.Any(p => p.PartyId == actor.PartyId)))
            if (m.Parties.FirstOrDefault(p => p.PartyId != actor.PartyId) is { } other && dir.Parties.TryGetValue(other.PartyId, out var counterpart))
                CounterpartZones[m.Code] = counterpart.TimeZone;
        ViewerZone = actor.TimeZone ?? (dir.Parties.TryGetValue(actor.PartyId, out var party) ? party.TimeZone : "UTC");
    }
}
