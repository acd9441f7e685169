using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Identity;
using Parley.Oversight;
using Parley.Web;

namespace Parley.Pages.Oversight;

/// The oversight report of each mechanism the viewer's party belongs to, for a chosen period, with its charts
/// and links to the same report as HTML, CSV and JSON. Built by the API's own handler (same readers, same period rules).
[Authorize(Roles = $"{nameof(Roles.Overseer)},{nameof(Roles.Supervisor)},{nameof(Roles.HotlineOfficer)},{nameof(Roles.Administrator)}")]
public sealed class IndexModel(ParleyDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Mechanism { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public IReadOnlyList<(string Code, string Name)> Mechanisms { get; private set; } = [];
    public OversightReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var party = Actor.From(User).PartyId;
        Mechanisms = (await db.Mechanisms.AsNoTracking().Where(m => m.Parties.Any(p => p.PartyId == party)).OrderBy(m => m.Code)
            .Select(m => new { m.Code, m.Name }).ToListAsync(ct)).Select(m => (m.Code, m.Name)).ToList();
        if (Mechanisms.Count == 0) return Page();
        Mechanism ??= Mechanisms[0].Code;
        var result = await OversightApi.GetAsync(Mechanism, From, To, "json", User, db, time, ct);
        if (result.Result is Ok<OversightReport> ok) Report = ok.Value;
        else if (PageResults.Refusal(result.Result, ModelState) is { } refusal)
        {
            if (refusal.Status == 404) ModelState.AddModelError("mechanism", $"No mechanism '{Mechanism}' that your party belongs to.");
            Response.StatusCode = refusal.Status;
        }
        return Page();
    }

    /// The same report in another form, for the same mechanism and period.
    public string Link(string extension) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"/api/v1/mechanisms/{Uri.EscapeDataString(Report!.Mechanism.Code)}/{(extension == "json" ? "oversight" : "oversight." + extension)}?from={Report.Period.From:yyyy-MM-dd'T'HH:mm:ss'Z'}&to={Report.Period.To:yyyy-MM-dd'T'HH:mm:ss'Z'}");

}
