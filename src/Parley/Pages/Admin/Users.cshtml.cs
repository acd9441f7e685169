using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Identity;
using Parley.Web;

namespace Parley.Pages.Admin;

/// The user accounts of the administrator's own party: a form to add one with its agency and roles, and
/// one per user to change them or to disable and enable the account, all through the API's own handlers.
/// A generated password is shown once, on the page that answers the post, and is stored nowhere readable.
[Authorize(Policy = Policies.Administrator)]
public sealed class UsersModel(ParleyDbContext db, Sessions sessions, VerifiedTokens verified, TimeProvider time) : PageModel
{
    public const string Active = "active", Disabled = "disabled";

    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    /// "PARTY/AGENCY", as the agency list offers it.
    [BindProperty] public string? Agency { get; set; }
    [BindProperty] public List<string> Roles { get; set; } = [];
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }

    /// The user an edit form posted for, with its fields.
    [BindProperty] public Guid? EditUser { get; set; }
    [BindProperty] public string? EditAgency { get; set; }
    [BindProperty] public List<string> EditRoles { get; set; } = [];
    [BindProperty] public string? EditStatus { get; set; }
    [BindProperty(SupportsGet = true)] public string? Saved { get; set; }

    public IReadOnlyList<UsersApi.UserDto> Users { get; private set; } = [];
    public IReadOnlyList<string> Agencies { get; private set; } = [];
    public UsersApi.CreatedUser? Created { get; private set; }

    /// The id prefix of one user's edit form, so each form's fields and errors are its own.
    public static string FormId(string userName) => $"edit-{userName}-";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (party, agency) = Agency?.Split('/') is [var p, var a] ? (p, a) : (null, null);
        var input = new UsersApi.UserInput(UserName, DisplayName, party, agency, Roles, Email, string.IsNullOrEmpty(Password) ? null : Password, null);
        var result = await UsersApi.AddAsync(input, User, db, time, ct);
        if (result.Result is Created<UsersApi.CreatedUser> created) Created = created.Value;
        else if (PageResults.Refusal(result.Result, ModelState) is { } refusal) Response.StatusCode = refusal.Status;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(CancellationToken ct)
    {
        if (EditUser is not { } id) return NotFound();
        var status = EditStatus switch { Active => false, Disabled => true, _ => (bool?)null };
        var agency = EditAgency?.Split('/') is [_, var code] ? code : EditAgency;
        var result = await UserChanges.PutAsync(id, new UserChanges.UserUpdate(EditRoles, agency, status), User, db, sessions, verified, time, ct);
        if (result.Result is Ok<UsersApi.UserDto> ok) return Redirect($"/admin/users?saved={Uri.EscapeDataString(ok.Value!.UserName)}");
        if (result.Result is NotFound) return NotFound();
        await LoadAsync(ct);
        var userName = Users.Single(u => u.Id == id).UserName;
        PageResults.Refusal(result.Result, ModelState, FormId(userName));
        Response.StatusCode = 400;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Users = (await UsersApi.ListAsync(User, db, time, ct)).Value!;
        var partyId = Actor.From(User).PartyId;
        Agencies = await db.Agencies.AsNoTracking().Where(a => a.PartyId == partyId).OrderBy(a => a.Code)
            .Select(a => a.Party!.Code + "/" + a.Code).ToListAsync(ct);
    }
}
