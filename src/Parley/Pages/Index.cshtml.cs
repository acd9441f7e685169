using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parley.Identity;
using Parley.Web;

namespace Parley.Pages;

/// The start page sends each user to the section of their role.
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Redirect(Sections.Landing(Actor.From(User).Roles));
}
