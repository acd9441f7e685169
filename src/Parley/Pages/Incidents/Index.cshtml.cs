using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Parley.Data;
using Parley.Identity;
using Parley.Incidents;
using Parley.Incidents.Import;
using Parley.Web;

namespace Parley.Pages.Incidents;

/// The incident monitor: the trend for the filter, the agreement's effect (the sentence and the chart), the
/// register page by page, and, for analysts, the import of a CSV or JSON file through the command line's importer.
[Authorize(Policy = Policies.IncidentReader)]
public sealed class IndexModel(ParleyDbContext db, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Sponsor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Victim { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? MinConfidence { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Interval { get; set; }
    [BindProperty(SupportsGet = true)] public string? GroupBy { get; set; }
    [BindProperty(SupportsGet = true)] public string? Split { get; set; }
    [BindProperty(SupportsGet = true)] public int? Months { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IncidentTrend.Result? Trend { get; private set; }
    public string? TrendChart { get; private set; }
    public string? TrendCaption { get; private set; }
    public IncidentEffect.Result? Effect { get; private set; }
    /// The effect's sentence in the reader's language.
    public string? EffectText { get; private set; }
    public string? EffectChart { get; private set; }
    public string? EffectCaption { get; private set; }
    public IncidentsApi.IncidentPage? Incidents { get; private set; }
    public ImportSummary? Imported { get; private set; }
    public bool MayImport => User.IsInRole(nameof(Roles.Analyst));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (!MayImport) return Forbid();
        if (file is null || file.Length == 0) ModelState.AddModelError("file", "Choose a CSV or JSON file to import.");
        else
        {
            await using var stream = file.OpenReadStream();
            var importer = new IncidentImporter(db, time);
            if (file.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                Imported = await importer.ImportAsync(JsonIncidentRows.ReadAsync(stream), [], ct);
            else
            {
                var (columns, _) = ImportColumns.Create(null, []);
                var ignored = new List<string>();
                Imported = await importer.ImportAsync(CsvIncidentRows.Read(stream, columns!, IncidentImportFile.DefaultSplit.ToCharArray(), ignored).ToAsyncEnumerable(), ignored, ct);
            }
            db.ChangeTracker.Clear();
        }
        if (!ModelState.IsValid) Response.StatusCode = 400;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var trendQuery = new IncidentAnalysisApi.TrendQuery(Interval, GroupBy, Sponsor, Victim, Category, Sector, null, From, To, MinConfidence);
        var trend = await IncidentAnalysisApi.TrendAsync(trendQuery, db, ct);
        if (trend.Result is Ok<IncidentTrend.Result> ok)
        {
            // The chart's words go in the HTML caption: the SVG renderer drops glyphs its font lacks (Chinese).
            TrendChart = Display.SvgImage(IncidentCharts.Svg(IncidentCharts.Trend(ok.Value!, "", yLabel: "")));
            TrendCaption = $"{t["{0} incidents", ok.Value!.Incidents.ToString("N0", CultureInfo.CurrentCulture)]} · {EffectSentence.AxisLabel(ok.Value!.Interval, Phrase)}";
            // The series without a value ("all incidents", "(none)") are named in the reader's language.
            Trend = ok.Value! with { Series = [.. ok.Value!.Series.Select(s => s.Key == IncidentTrend.NoneKey ? s with { Label = t[s.Label] } : s)] };
        }
        else Refuse(trend.Result);

        var effectQuery = new IncidentAnalysisApi.EffectQuery(Split, Months, Split is null ? "US-CN" : null, Sponsor, Victim, Category, Sector, null, MinConfidence);
        var (effect, markers, errors) = await IncidentAnalysisApi.RunEffectAsync(effectQuery, db, ct);
        if (effect is not null)
        {
            Effect = effect;
            EffectText = effect.SentenceIn(Phrase);
            EffectChart = Display.SvgImage(IncidentCharts.Svg(IncidentCharts.Effect(effect, "", markers, yLabel: "")));
            EffectCaption = effect.ChartTitle(Phrase);
        }
        else if (Split is not null || Months is not null) Refuse(TypedResults.ValidationProblem(errors));

        var list = await IncidentsApi.ListAsync(new IncidentsApi.ListQuery(Sponsor, Victim, Category, Sector, null, From, To, MinConfidence, Math.Max(PageNumber, 1), PageSize), db, ct);
        if (list.Result is Ok<IncidentsApi.IncidentPage> page) Incidents = page.Value;
    }

    private string Phrase(string template, params object[] arguments) => t[template, arguments];

    private void Refuse(IResult result)
    {
        foreach (var (key, entry) in ModelState) if (entry.Errors.Count > 0 && key != "file") return;
        if (PageResults.Refusal(result, ModelState) is { } refusal) Response.StatusCode = refusal.Status;
    }


    public string PageLink(int page)
    {
        var query = Request.Query.Where(q => q.Key != "p").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}").Append($"p={page}");
        return "/incidents?" + string.Join("&", query);
    }
}
