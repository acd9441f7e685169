using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Directory;
using Parley.Identity;
using Parley.Web;

namespace Parley.Pages.Admin;

/// The directory as administrators keep it: parties, their agencies and each agency's points of contact.
/// Agencies and contacts are added through the API's own handlers, so their rules are enforced once.
[Authorize(Policy = Policies.Administrator)]
public sealed class DirectoryModel(ParleyDbContext db, DirectoryCache cache) : PageModel
{
    [BindProperty] public string? AgencyParty { get; set; }
    [BindProperty] public string? AgencyCode { get; set; }
    [BindProperty] public string? AgencyName { get; set; }
    [BindProperty] public Guid? ContactAgency { get; set; }
    [BindProperty] public string? ContactName { get; set; }
    [BindProperty] public string? ContactEmail { get; set; }
    [BindProperty] public string? ContactPhone { get; set; }
    [BindProperty] public string? ContactWebhook { get; set; }
    [BindProperty] public ContactAvailability ContactAvailability { get; set; } = ContactAvailability.OfficeHours;

    public IReadOnlyList<Party> Parties { get; private set; } = [];
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public string? Added { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAgencyAsync(CancellationToken ct)
    {
        var result = await DirectoryAdmin.AddAgencyAsync(new AgencyInput(AgencyParty, AgencyCode, AgencyName), db, cache, ct);
        return await AfterAsync(result.Result, "agency-", "agency", ct);
    }

    public async Task<IActionResult> OnPostContactAsync(CancellationToken ct)
    {
        if (ContactAgency is not { } agency)
        {
            ModelState.AddModelError("contact-agency", "Choose the agency the contact belongs to.");
            return await RefusedAsync(400, ct);
        }
        var input = new ContactInput(ContactName, ContactEmail, ContactPhone, ContactWebhook, ContactAvailability);
        var result = await DirectoryAdmin.AddContactAsync(agency, input, db, ct);
        return await AfterAsync(result.Result, "contact-", "contact", ct);
    }

    private async Task<IActionResult> AfterAsync(IResult result, string prefix, string added, CancellationToken ct)
    {
        if (PageResults.Refusal(result, ModelState, prefix) is { } refusal)
        {
            if (refusal.Status == 404) ModelState.AddModelError("contact-agency", "No such agency.");
            return await RefusedAsync(refusal.Status, ct);
        }
        return Redirect($"/admin/directory?added={added}");
    }

    private async Task<IActionResult> RefusedAsync(int status, CancellationToken ct)
    {
        Response.StatusCode = status;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Parties = await db.Parties.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct);
        Agencies = await db.Agencies.AsNoTracking().Include(a => a.Party).Include(a => a.Contacts)
            .OrderBy(a => a.Party!.Code).ThenBy(a => a.Code).ToListAsync(ct);
    }
}
