using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Identity;
using Parley.Web;

namespace Parley.Pages.Admin;

/// The API tokens of the administrator's own party with their prefix, expiry and last use, each with a
/// Revoke button; a new one for the administrator. Both through the API's own handlers; a new token's
/// secret is shown once on the page that answers the post.
[Authorize(Policy = Policies.Administrator)]
public sealed class TokensModel(ParleyDbContext db, VerifiedTokens verified, TimeProvider time) : PageModel
{
    public sealed record Row(Guid Id, string UserName, string Name, string Prefix, DateTime CreatedAt, DateTime ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt);

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? DaysValid { get; set; }
    [BindProperty] public Guid? TokenId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Revoked { get; set; }

    public IReadOnlyList<Row> Tokens { get; private set; } = [];
    public TokensApi.CreatedToken? Created { get; private set; }
    public string ViewerZone { get; private set; } = "UTC";
    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        int? days = null;
        if (!string.IsNullOrWhiteSpace(DaysValid))
        {
            if (int.TryParse(DaysValid, out var d)) days = d;
            else ModelState.AddModelError("daysValid", "daysValid is between 1 and 366.");
        }
        if (ModelState.ErrorCount == 0)
        {
            var result = await TokensApi.CreateAsync(new TokensApi.TokenInput(Name, days, null), User, db, time, ct);
            if (result.Result is Created<TokensApi.CreatedToken> created) Created = created.Value;
            else PageResults.Refusal(result.Result, ModelState);
        }
        if (Created is null) Response.StatusCode = 400;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        if (TokenId is not { } id) return NotFound();
        var result = await TokensApi.RevokeAsync(id, User, db, verified, time, ct);
        if (result.Result is NotFound) return NotFound();
        var prefix = await db.ApiTokens.Where(t => t.Id == id).Select(t => t.Prefix).SingleAsync(ct);
        return Redirect($"/admin/tokens?revoked={Uri.EscapeDataString(prefix)}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = Actor.From(User);
        Now = time.GetUtcNow().UtcDateTime;
        ViewerZone = actor.TimeZone ?? await db.Parties.Where(p => p.Id == actor.PartyId).Select(p => p.TimeZone).SingleAsync(ct);
        var partyUsers = AdminScope.Users(db, actor).Select(u => u.Id);
        Tokens = (await db.ApiTokens.AsNoTracking().Where(t => partyUsers.Contains(t.UserId)).Select(t => new Row(t.Id, t.User!.UserName, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt)).ToListAsync(ct))
            .OrderBy(t => t.UserName, StringComparer.Ordinal).ThenBy(t => t.CreatedAt).ToList();
    }
}
