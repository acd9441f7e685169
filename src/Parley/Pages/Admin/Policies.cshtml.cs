using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Directory;
using Parley.Identity;
using Parley.Web;

namespace Parley.Pages.Admin;

/// The timeline policy of each mechanism and priority: the clock the deadlines run on and the three
/// spans, for the mechanisms of the administrator's party. Saved through the API's own handler, one
/// priority at a time.
[Authorize(Policy = Policies.Administrator)]
public sealed class PoliciesModel(ParleyDbContext db, DirectoryCache cache) : PageModel
{
    [BindProperty] public string? Mechanism { get; set; }
    [BindProperty] public Priority Priority { get; set; }
    [BindProperty] public ClockKind Clock { get; set; }
    [BindProperty] public string? AcknowledgeHours { get; set; }
    [BindProperty] public string? FirstAnswerHours { get; set; }
    [BindProperty] public string? FinalAnswerHours { get; set; }
    [BindProperty(SupportsGet = true)] public string? Saved { get; set; }

    public IReadOnlyList<Mechanism> Mechanisms { get; private set; } = [];

    /// The id prefix of one policy's form, so each form's fields and errors are its own.
    public static string FormId(string mechanism, Priority priority) => $"{mechanism}-{priority}-";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var prefix = FormId(Mechanism ?? "", Priority);
        var spans = new[] { ("acknowledgeWithin", AcknowledgeHours), ("firstAnswerWithin", FirstAnswerHours), ("finalAnswerWithin", FinalAnswerHours) }
            .Select(f => (f.Item1, Span: Hours.Parse(f.Item2))).ToList();
        foreach (var (field, _) in spans.Where(s => s.Span is null))
            ModelState.AddModelError(prefix + field, "A positive number of hours, e.g. 4 or 0.5.");
        if (ModelState.ErrorCount == 0)
        {
            var body = new PolicyDto(Priority, Clock, spans[0].Span!.Value, spans[1].Span!.Value, spans[2].Span!.Value);
            var result = await DirectoryAdmin.PutPolicyAsync(Mechanism ?? "", body, User, db, cache, ct);
            if (PageResults.Refusal(result.Result, ModelState, prefix) is not { } refusal)
                return Redirect($"/admin/policies?saved={Uri.EscapeDataString(prefix.TrimEnd('-'))}");
            if (refusal.Status == 404) return NotFound();
        }
        Response.StatusCode = 400;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Mechanisms = await AdminScope.Mechanisms(db, Actor.From(User)).AsNoTracking().Include(m => m.Policies).OrderBy(m => m.Code).ToListAsync(ct);
}
