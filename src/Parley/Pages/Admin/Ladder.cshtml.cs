using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Directory;
using Parley.Escalation;
using Parley.Identity;

namespace Parley.Pages.Admin;

/// The escalation ladder of a mechanism: its rungs, who is told at each and the time to acknowledge
/// before it climbs. The whole ladder is saved at once through the API's own handler; a rung left
/// without a name is taken out, and the empty row at the end adds one.
[Authorize(Policy = Policies.Administrator)]
public sealed class LadderModel(ParleyDbContext db, DirectoryCache cache) : PageModel
{
    public sealed class Rung
    {
        public string? Name { get; set; }
        public List<string> Notify { get; set; } = [];
        public string? Hours { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string? Mechanism { get; set; }
    [BindProperty] public List<Rung> Levels { get; set; } = [];
    [BindProperty(SupportsGet = true)] public bool Saved { get; set; }

    public IReadOnlyList<(string Code, string Name)> Mechanisms { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadMechanismsAsync(ct)) return Mechanisms.Count == 0 ? Page() : NotFound();
        var mechanism = await db.Mechanisms.AsNoTracking().SingleAsync(m => m.Code == Mechanism, ct);
        Levels = (await EscalationLadder.ForAsync(db, mechanism.Id, ct))
            .Select(l => new Rung { Name = l.Name, Notify = RoleNames.ToNames(l.Notify).ToList(), Hours = Admin.Hours.Format(l.AcknowledgeWithin) }).ToList();
        Levels.Add(new Rung());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadMechanismsAsync(ct)) return NotFound();
        // Rows without a name are dropped; errors name the API's rung, which is mapped back to the row it came from.
        var rows = Levels.Select((rung, row) => (rung, row)).Where(x => !string.IsNullOrWhiteSpace(x.rung.Name)).ToList();
        var input = new LadderApi.LadderInput(rows.Select((x, i) => new LadderApi.LevelInput(i + 1, x.rung.Name, x.rung.Notify,
            Admin.Hours.Parse(x.rung.Hours) ?? TimeSpan.Zero)).ToList());
        var result = await LadderApi.PutAsync(Mechanism!, input, User, db, cache, ct);
        if (result.Result is Ok<LadderApi.LadderDto>) return Redirect($"/admin/ladder?mechanism={Uri.EscapeDataString(Mechanism!)}&saved=true");
        if (result.Result is NotFound) return NotFound();
        foreach (var (field, messages) in ((ValidationProblem)result.Result).ProblemDetails.Errors)
        {
            var key = field;
            for (var i = 0; i < rows.Count; i++)
                if (field.StartsWith($"levels[{i}]", StringComparison.Ordinal)) key = $"levels[{rows[i].row}]" + field[$"levels[{i}]".Length..];
            foreach (var message in messages) ModelState.AddModelError(key, message);
        }
        Response.StatusCode = 400;
        return Page();
    }

    /// Lists the mechanisms of the administrator's party and picks the one asked for (the first by default);
    /// false when it is not one of them.
    private async Task<bool> LoadMechanismsAsync(CancellationToken ct)
    {
        Mechanisms = (await AdminScope.Mechanisms(db, Actor.From(User)).AsNoTracking().OrderBy(m => m.Code).Select(m => new { m.Code, m.Name }).ToListAsync(ct))
            .Select(m => (m.Code, m.Name)).ToList();
        Mechanism ??= Mechanisms.FirstOrDefault().Code;
        return Mechanisms.Any(m => m.Code == Mechanism);
    }
}
