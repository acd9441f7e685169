using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parley.Identity;

namespace Parley.Pages;

/// Step two: the six-digit code from the authenticator app, or one of the recovery codes.
public sealed class SignInCodeModel(SignInSteps steps, Sessions sessions) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? RecoveryCode { get; set; }
    public bool Failed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await sessions.PendingAsync(HttpContext, ct) is (_, Sessions.StageSecondFactor) ? Page() : RedirectToPage("/SignIn");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var step = await steps.CodeAsync(HttpContext, Code, RecoveryCode, ct);
        if (step is SignInSteps.SignedIn) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        if (step is SignInSteps.Failed { Message: SignInSteps.NoPending }) return RedirectToPage("/SignIn");
        Failed = true;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
