using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parley.Identity;

namespace Parley.Pages.Admin;

/// The administrators' overview: one link to each administration page.
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel : PageModel
{
    public static readonly IReadOnlyList<(string Path, string Label, string Hint)> Pages =
    [
        ("/admin/directory", "Directory", "Parties, agencies and their points of contact."),
        ("/admin/users", "Users", "Accounts, their agency and roles."),
        ("/admin/policies", "Timeline policies", "Clock and deadlines per mechanism and priority."),
        ("/admin/ladder", "Escalation ladder", "Levels, who is told and the time to acknowledge."),
        ("/admin/tokens", "API tokens", "Every token with its prefix, expiry and last use; a new one for yourself."),
        ("/admin/webhooks", "Webhooks", "Endpoints that receive notifications, and the delivery log."),
    ];

    public void OnGet() { }
}
