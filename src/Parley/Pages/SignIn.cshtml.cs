using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parley.Identity;

namespace Parley.Pages;

public sealed class SignInModel(SignIn signIn) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (outcome, user, partyId) = await signIn.CheckAsync(UserName.Trim(), Password, ct);
        if (outcome != SignInOutcome.Success)
        {
            Error = outcome == SignInOutcome.LockedOut
                ? "Too many failed sign-ins; the account is locked for a while."
                : "Unknown user name or wrong password.";
            Response.StatusCode = outcome == SignInOutcome.LockedOut ? 423 : 401;
            return Page();
        }
        var identity = Actor.ToIdentity(user!, partyId, CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
