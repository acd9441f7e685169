using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Directory;
using Parley.Identity;
using Parley.Web;

namespace Parley.Pages.Admin;

/// The directory as an administrator keeps it: every party for reference; their own party's calendar,
/// agencies and points of contact to change. Every write goes through the API's own handlers, so their
/// rules (and the administrator's scope) are enforced once.
[Authorize(Policy = Policies.Administrator)]
public sealed class DirectoryModel(ParleyDbContext db, DirectoryCache cache) : PageModel
{
    [BindProperty] public string? PartyName { get; set; }
    [BindProperty] public string? PartyTimeZone { get; set; }
    [BindProperty] public List<DayOfWeek> PartyWeek { get; set; } = [];
    [BindProperty] public string? PartyStart { get; set; }
    [BindProperty] public string? PartyEnd { get; set; }
    /// One day a line, "YYYY-MM-DD Name".
    [BindProperty] public string? PartyHolidays { get; set; }
    [BindProperty] public string? PartyWorkingDays { get; set; }

    [BindProperty] public string? AgencyParty { get; set; }
    [BindProperty] public string? AgencyCode { get; set; }
    [BindProperty] public string? AgencyName { get; set; }
    [BindProperty] public Guid? AgencyId { get; set; }

    [BindProperty] public Guid? ContactAgency { get; set; }
    [BindProperty] public Guid? ContactId { get; set; }
    [BindProperty] public string? ContactName { get; set; }
    [BindProperty] public string? ContactEmail { get; set; }
    [BindProperty] public string? ContactPhone { get; set; }
    [BindProperty] public string? ContactWebhook { get; set; }
    [BindProperty] public ContactAvailability ContactAvailability { get; set; } = ContactAvailability.OfficeHours;

    public IReadOnlyList<Party> Parties { get; private set; } = [];
    public Party? Own { get; private set; }
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public string? Added { get; set; }
    [BindProperty(SupportsGet = true)] public string? Saved { get; set; }

    public static string AgencyForm(Guid id) => $"agency-{id:N}-";
    public static string ContactForm(Guid id) => $"contact-{id:N}-";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostPartyAsync(CancellationToken ct)
    {
        var own = await db.Parties.AsNoTracking().SingleAsync(p => p.Id == Actor.From(User).PartyId, ct);
        var start = Time(PartyStart, "party-workdayStart");
        var end = Time(PartyEnd, "party-workdayEnd");
        var days = Days(PartyHolidays, CalendarDayKind.Holiday, "party-holidays").Concat(Days(PartyWorkingDays, CalendarDayKind.WorkingDay, "party-workingDays")).ToList();
        if (ModelState.ErrorCount > 0) return await RefusedAsync(400, ct);
        var input = new PartyInput(own.Code, PartyName, PartyTimeZone, PartyWeek, start, end, days);
        var result = await DirectoryAdmin.PutPartyAsync(own.Code, input, User, db, cache, ct);
        return await AfterAsync(result.Result, "party-", "party", ct, saved: true);
    }

    public async Task<IActionResult> OnPostAgencyAsync(CancellationToken ct)
    {
        var result = await DirectoryAdmin.AddAgencyAsync(new AgencyInput(AgencyParty, AgencyCode, AgencyName), User, db, cache, ct);
        return await AfterAsync(result.Result, "agency-", "agency", ct);
    }

    public async Task<IActionResult> OnPostAgencyEditAsync(CancellationToken ct)
    {
        if (AgencyId is not { } id) return NotFound();
        var result = await AgencyChanges.PutAgencyAsync(id, new AgencyUpdate(AgencyCode, AgencyName), User, db, cache, ct);
        return await AfterAsync(result.Result, AgencyForm(id), "agency", ct, saved: true);
    }

    public async Task<IActionResult> OnPostContactAsync(CancellationToken ct)
    {
        if (ContactAgency is not { } agency)
        {
            ModelState.AddModelError("contact-agency", "Choose the agency the contact belongs to.");
            return await RefusedAsync(400, ct);
        }
        var result = await DirectoryAdmin.AddContactAsync(agency, Contact(), User, db, ct);
        return await AfterAsync(result.Result, "contact-", "contact", ct);
    }

    public async Task<IActionResult> OnPostContactEditAsync(CancellationToken ct)
    {
        if (ContactAgency is not { } agency || ContactId is not { } id) return NotFound();
        var result = await AgencyChanges.PutContactAsync(agency, id, Contact(), User, db, ct);
        return await AfterAsync(result.Result, ContactForm(id), "contact", ct, saved: true);
    }

    public async Task<IActionResult> OnPostContactRemoveAsync(CancellationToken ct)
    {
        if (ContactAgency is not { } agency || ContactId is not { } id) return NotFound();
        var result = await AgencyChanges.DeleteContactAsync(agency, id, User, db, ct);
        if (PageResults.Refusal(result.Result, ModelState) is { Status: 409 } conflict)
        {
            ModelState.AddModelError(ContactForm(id) + "remove", conflict.Detail!);
            return await RefusedAsync(409, ct);
        }
        return await AfterAsync(result.Result, ContactForm(id), "contact-removed", ct);
    }

    private ContactInput Contact() => new(ContactName, ContactEmail, ContactPhone, ContactWebhook, ContactAvailability);

    private async Task<IActionResult> AfterAsync(IResult result, string prefix, string what, CancellationToken ct, bool saved = false)
    {
        if (PageResults.Refusal(result, ModelState, prefix) is { } refusal)
        {
            if (refusal.Status == 404) return NotFound();
            return await RefusedAsync(refusal.Status, ct);
        }
        return Redirect(saved ? $"/admin/directory?saved={what}" : $"/admin/directory?added={what}");
    }

    private async Task<IActionResult> RefusedAsync(int status, CancellationToken ct)
    {
        Response.StatusCode = status;
        await LoadAsync(ct);
        return Page();
    }

    private TimeOnly? Time(string? text, string key)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        ModelState.AddModelError(key, "A time of day, e.g. 09:00.");
        return null;
    }

    private IEnumerable<CalendarDayDto> Days(string? text, CalendarDayKind kind, string key)
    {
        var days = new List<CalendarDayDto>();
        var lines = (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split(' ', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[1].Length is > 0 and <= 200
                && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                days.Add(new CalendarDayDto(date, kind, parts[1]));
            else
                ModelState.AddModelError(key, $"Line {i + 1}: write a date and a name, e.g. 2026-12-25 Christmas Day.");
        }
        return days;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var partyId = Actor.From(User).PartyId;
        Parties = await db.Parties.AsNoTracking().Include(p => p.CalendarDays).OrderBy(p => p.Code).ToListAsync(ct);
        Own = Parties.Single(p => p.Id == partyId);
        Agencies = await db.Agencies.AsNoTracking().Include(a => a.Party).Include(a => a.Contacts)
            .Where(a => a.PartyId == partyId).OrderBy(a => a.Code).ToListAsync(ct);
    }
}
