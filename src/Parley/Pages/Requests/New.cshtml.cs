using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parley.Directory;
using Parley.Identity;
using Parley.Requests;
using Parley.Web;

namespace Parley.Pages.Requests;

/// A new request, submitted at once or kept as a draft; checked by the API's own handler.
[Authorize(Policy = Policies.CaseReader)]
public sealed class NewModel(RequestServices s) : PageModel
{
    [BindProperty] public string? Mechanism { get; set; }
    [BindProperty] public string? ToParty { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Priority { get; set; }
    [BindProperty] public string? Tlp { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Narrative { get; set; }
    [BindProperty] public string? Sector { get; set; }
    [BindProperty] public string? Victims { get; set; }
    [BindProperty] public string? LegalBasis { get; set; }
    /// One indicator per line: "type value", e.g. "ipv4 203.0.113.7" or "domain example.org".
    [BindProperty] public string? Indicators { get; set; }
    [BindProperty] public bool Draft { get; set; }

    public IReadOnlyList<Mechanism> Mechanisms { get; private set; } = [];
    public IReadOnlyList<Party> Counterparts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var indicators = ParseIndicators(Indicators);
        if (indicators is null)
        {
            ModelState.AddModelError("indicators", "Each line is a type (ipv4, ipv6, domain, url, file-hash, email) and a value.");
            Response.StatusCode = 400;
            await LoadAsync(ct);
            return Page();
        }
        var body = new CreateRequest(Mechanism, ToParty, null, Parse<RequestKind>(Kind), Parse<Priority>(Priority), Subject, Narrative,
            null, null, Empty(Sector), Empty(Victims), ParseTlp(Tlp), Empty(LegalBasis), indicators, Draft);
        var result = await SubmitRequest.HandleAsync(body, User, s, HttpContext, ct);
        HttpContext.Response.Headers.Remove("ETag");
        if (result.Result is Created<RequestDetail> created) return Redirect($"/requests/{created.Value!.Summary.Id}");
        var refusal = PageResults.Refusal(result.Result, ModelState);
        Response.StatusCode = refusal?.Status ?? 400;
        if (refusal is { Status: not 400 } r) ModelState.AddModelError("", r.Detail ?? r.Title);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = Actor.From(User);
        var dir = await s.Directory.GetAsync(s.Db, ct);
        Mechanisms = dir.Mechanisms.Values.Where(m => m.Parties.Any(p => p.PartyId == actor.PartyId)).OrderBy(m => m.Code).ToList();
        Counterparts = Mechanisms.SelectMany(m => m.Parties).Select(p => p.PartyId).Where(p => p != actor.PartyId).Distinct()
            .Select(p => dir.Parties[p]).OrderBy(p => p.Code).ToList();
        Mechanism ??= Mechanisms.FirstOrDefault()?.Code;
        ToParty ??= Counterparts.FirstOrDefault()?.Code;
    }

    private static List<IndicatorInput>? ParseIndicators(string? text)
    {
        var list = new List<IndicatorInput>();
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || Parse<IndicatorType>(parts[0]) is not { } type) return null;
            list.Add(new IndicatorInput(type, parts[1], null, null));
        }
        return list;
    }

    private static T? Parse<T>(string? kebab) where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => Display.Kebab(v!.Value) == kebab);

    private static Parley.Requests.Tlp? ParseTlp(string? value) => value == "amber+strict" ? Parley.Requests.Tlp.AmberStrict : Parse<Parley.Requests.Tlp>(value);

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
