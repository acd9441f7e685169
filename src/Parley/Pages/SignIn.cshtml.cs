using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parley.Identity;

namespace Parley.Pages;

/// Step one: user name and password. Roles that need a second factor go on to the code (or, the
/// first time, the enrolment) page.
public sealed class SignInModel(SignInSteps steps, Microsoft.Extensions.Options.IOptions<OidcOptions> oidc) : PageModel
{
    /// One "Sign in with …" button per configured OpenID Connect provider.
    public IReadOnlyList<(string Name, string DisplayName)> Providers { get; } =
        oidc.Value.Providers.Select(p => (p.Key, p.Value.DisplayName ?? p.Key)).ToList();

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    public bool Failed { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var step = await steps.PasswordAsync(HttpContext, UserName, Password, ct);
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        switch (step)
        {
            case SignInSteps.SignedIn:
                return LocalRedirect(returnUrl);
            case SignInSteps.Next { Stage: Sessions.StageSecondFactor }:
                return RedirectToPage("/SignInCode", new { ReturnUrl = returnUrl });
            case SignInSteps.Next:
                return RedirectToPage("/SignInEnrol", new { ReturnUrl = returnUrl });
            default:
                Failed = true;
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Page();
        }
    }
}
