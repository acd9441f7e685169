using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Parley.Pages;

public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Redirect("/requests");
}
