using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Identity;
using Parley.Notifications;
using Parley.Web;

namespace Parley.Pages.Admin;

/// The webhooks of the administrator's own party's agencies (create, delete) and the delivery log of the
/// notifications outbox, through the API's own handlers. A new webhook's signing secret is shown once.
[Authorize(Policy = Policies.Administrator)]
public sealed class WebhooksModel(ParleyDbContext db, TimeProvider time) : PageModel
{
    [BindProperty] public string? Address { get; set; }
    /// Event types separated by commas or spaces; empty means every event.
    [BindProperty] public string? Events { get; set; }
    [BindProperty] public Guid? Agency { get; set; }
    [BindProperty(SupportsGet = true)] public bool Deleted { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> Agencies { get; private set; } = [];
    public IReadOnlyList<WebhookDto> Webhooks { get; private set; } = [];
    public IReadOnlyList<NotificationDto> Deliveries { get; private set; } = [];
    public CreatedWebhookDto? Created { get; private set; }
    public string ViewerZone { get; private set; } = "UTC";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var events = Events?.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var input = new WebhookInput(string.IsNullOrWhiteSpace(Address) ? null : Address.Trim(), null, events is { Length: > 0 } ? events : null, Agency);
        var result = await WebhooksApi.CreateAsync(input, User, db, time, ct);
        if (result.Result is Created<CreatedWebhookDto> created) Created = created.Value;
        else if (PageResults.Refusal(result.Result, ModelState) is { } refusal) Response.StatusCode = refusal.Status;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var result = await WebhooksApi.DeleteAsync(id, User, db, time, ct);
        return result.Result is NotFound ? NotFound() : Redirect("/admin/webhooks?deleted=true");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = Actor.From(User);
        Agencies = (await db.Agencies.AsNoTracking().Where(a => a.PartyId == actor.PartyId).OrderBy(a => a.Code)
            .Select(a => new { a.Id, a.Code, a.Name }).ToListAsync(ct)).Select(a => (a.Id, $"{a.Code} · {a.Name}")).ToList();
        ViewerZone = actor.TimeZone ?? await db.Parties.Where(p => p.Id == actor.PartyId).Select(p => p.TimeZone).SingleAsync(ct);
        var agencies = Agencies.Select(a => a.Id).ToList();
        Webhooks = (await db.Webhooks.AsNoTracking().Where(w => w.Active && agencies.Contains(w.AgencyId)).OrderBy(w => w.CreatedAt).ToListAsync(ct))
            .Select(NotificationMapping.ToDto).ToList();
        var log = await NotificationsApi.ListAsync(User, db, ct);
        Deliveries = log.Result is Ok<List<NotificationDto>> ok ? ok.Value! : [];
    }
}
