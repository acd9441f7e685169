using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parley.Identity;

namespace Parley.Pages;

/// The first sign-in of a supervisor, hotline officer or administrator: scan the QR code (or type
/// the secret), enter the first code, and keep the recovery codes shown once.
public sealed class SignInEnrolModel(SignInSteps steps) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Code { get; set; }
    public SecondFactor.Enrolment? Enrolment { get; private set; }
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public bool Failed { get; private set; }
    public string Next => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
    /// The QR code as an image the page's CSP allows (img-src data:), made here, no outside service.
    public string QrCodeDataUri => "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Enrolment!.QrCodeSvg));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Enrolment = await steps.EnrolmentAsync(HttpContext, ct);
        return Enrolment is null ? RedirectToPage("/SignIn") : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var step = await steps.ConfirmEnrolmentAsync(HttpContext, Code ?? "", ct);
        if (step is SignInSteps.Enrolled enrolled)
        {
            RecoveryCodes = enrolled.RecoveryCodes;
            return Page();
        }
        if (step is SignInSteps.Failed { Message: SignInSteps.NoPending }) return RedirectToPage("/SignIn");
        Failed = true;
        Enrolment = await steps.EnrolmentAsync(HttpContext, ct);
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Enrolment is null ? RedirectToPage("/SignIn") : Page();
    }
}
