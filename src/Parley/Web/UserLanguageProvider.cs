using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Identity;

namespace Parley.Web;

/// The language the signed-in user chose in their settings; it wins over the language cookie and the browser's.
/// Read per page (one primary-key lookup) so that a change shows on the next page, in every open session.
public sealed class UserLanguageProvider : RequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext http)
    {
        if (WebSetup.WantsStatusCode(http.Request) || Actor.TryFrom(http.User) is not { } actor) return null;
        var db = http.RequestServices.GetRequiredService<ParleyDbContext>();
        var language = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.Language).FirstOrDefaultAsync(http.RequestAborted);
        return language is null ? null : new ProviderCultureResult(language);
    }
}
