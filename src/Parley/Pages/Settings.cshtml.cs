using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Parley.Data;
using Parley.Identity;
using Parley.Web;

namespace Parley.Pages;

/// The user's own settings: the language of the pages and the time zone times are shown in.
public sealed class SettingsModel(ParleyDbContext db) : PageModel
{
    public static IReadOnlyList<string> Zones { get; } = DateTimeZoneProviders.Tzdb.Ids.Where(z => z.Contains('/') && !z.StartsWith("Etc/")).Order().Prepend("UTC").ToList();

    [BindProperty] public string? Language { get; set; }
    [BindProperty] public string? TimeZone { get; set; }
    public string PartyZone { get; private set; } = "UTC";
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        var user = await LoadAsync(ct);
        (Language, TimeZone, Saved) = (user.Language, user.TimeZone, saved);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await LoadAsync(ct);
        var language = string.IsNullOrEmpty(Language) ? null : Language;
        var zone = string.IsNullOrWhiteSpace(TimeZone) ? null : TimeZone.Trim();
        if (language is not null && WebSetup.Cultures.All(c => c.Name != language))
            ModelState.AddModelError("language", "language is English (en), Chinese (zh-Hans) or the browser's.");
        if (zone is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is null)
            ModelState.AddModelError("timeZone", $"'{zone}' is not an IANA time zone.");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = 400;
            return Page();
        }
        user.Language = language;
        user.TimeZone = zone;
        await db.SaveChangesAsync(ct);
        await RefreshTimeZoneClaimAsync(zone);
        return Redirect("/settings?saved=true");
    }

    /// The pages read the viewer's zone from the session; re-issue the session cookie with the new zone and
    /// every other claim and property kept as they were.
    private async Task RefreshTimeZoneClaimAsync(string? zone)
    {
        var auth = await HttpContext.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!auth.Succeeded || auth.Principal.Identity is not ClaimsIdentity old) return;
        var identity = new ClaimsIdentity(old.Claims.Where(c => c.Type != Actor.TimeZoneClaim), old.AuthenticationType, old.NameClaimType, old.RoleClaimType);
        if (zone is not null) identity.AddClaim(new Claim(Actor.TimeZoneClaim, zone));
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), auth.Properties);
    }

    private async Task<User> LoadAsync(CancellationToken ct)
    {
        var user = await db.Users.Include(u => u.Agency).ThenInclude(a => a!.Party).SingleAsync(u => u.Id == Actor.From(User).UserId, ct);
        PartyZone = user.Agency?.Party?.TimeZone ?? "UTC";
        return user;
    }
}
