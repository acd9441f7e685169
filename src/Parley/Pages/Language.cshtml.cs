using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Identity;
using Parley.Web;

namespace Parley.Pages;

/// Remembers the chosen language in a cookie, which wins over the browser's Accept-Language.
[AllowAnonymous]
public sealed class LanguageModel(ParleyDbContext db, TimeProvider time) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl, CancellationToken ct)
    {
        if (!WebSetup.Cultures.Any(c => c.Name == culture)) return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        // A signed-in user's setting wins over the cookie, so the switch changes the setting too.
        if (Actor.TryFrom(User) is { } actor)
            await db.Users.Where(u => u.Id == actor.UserId).ExecuteUpdateAsync(u => u.SetProperty(x => x.Language, culture), ct);
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture!)),
                new CookieOptions { Expires = time.GetUtcNow().AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
