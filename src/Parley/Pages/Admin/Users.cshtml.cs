using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Identity;
using Parley.Web;

namespace Parley.Pages.Admin;

/// The user accounts, and a form to add one with its agency and roles, through the API's own handlers.
/// A generated password is shown once, on the page that answers the post, and is stored nowhere readable.
[Authorize(Policy = Policies.Administrator)]
public sealed class UsersModel(ParleyDbContext db, TimeProvider time) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    /// "PARTY/AGENCY", as the agency list offers it.
    [BindProperty] public string? Agency { get; set; }
    [BindProperty] public List<string> Roles { get; set; } = [];
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }

    public IReadOnlyList<UsersApi.UserDto> Users { get; private set; } = [];
    public IReadOnlyList<string> Agencies { get; private set; } = [];
    public UsersApi.CreatedUser? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (party, agency) = Agency?.Split('/') is [var p, var a] ? (p, a) : (null, null);
        var input = new UsersApi.UserInput(UserName, DisplayName, party, agency, Roles, Email, string.IsNullOrEmpty(Password) ? null : Password, null);
        var result = await UsersApi.AddAsync(input, db, time, ct);
        if (result.Result is Created<UsersApi.CreatedUser> created) Created = created.Value;
        else if (PageResults.Refusal(result.Result, ModelState) is { } refusal) Response.StatusCode = refusal.Status;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Users = (await UsersApi.ListAsync(db, time, ct)).Value!;
        Agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Party!.Code).ThenBy(a => a.Code)
            .Select(a => a.Party!.Code + "/" + a.Code).ToListAsync(ct);
    }
}
