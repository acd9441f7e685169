using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parley.Identity;

namespace Parley.Pages;

/// POST only: a link or an image cannot sign anyone out. The session record is revoked too.
public sealed class SignOutModel(Sessions sessions) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await sessions.EndAsync(HttpContext, ct);
        return Redirect("/sign-in");
    }
}
