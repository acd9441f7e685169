using System.Globalization;
using Parley.Incidents.Statistics;

namespace Parley.Incidents;

/// The effect in one plain sentence, built from phrase templates so a page can say it in the reader's
/// language; the API says it in English (<see cref="English"/>). Numbers are formatted invariantly.
public static class EffectSentence
{
    /// Looks a template up in the reader's language and fills it in.
    public delegate string Phrase(string template, params object[] arguments);

    public static readonly Phrase English = (template, arguments) => string.Format(CultureInfo.InvariantCulture, template, arguments);

    private const string Sentence = "After {0}, the monthly rate of {1} {2} ({3} in the {4} months before, {5} in the {4} after); rate ratio {6}, 95% CI {7}, {8}{9}.";
    private const string Fell = "fell from {0} to {1}", Rose = "rose from {0} to {1}", Stayed = "stayed at {0}";
    private const string Unbounded = "unbounded (none before)", NotSignificant = "; not significant at the 5% level";
    private const string Incidents = "{0} incidents {1}", Sponsored = "{0}-sponsored", Or = " or ", AttributedTo = "attributed to {0}",
        Against = "against {0} victims", InSector = "in the {0} sector", Confidence = "(attribution confidence {0} or higher)";

    /// The effect chart's title and axis, and the trend chart's.
    public const string ChartTitle = "{0} per month", PerMonth = "incidents per month", PerQuarter = "incidents per quarter", PerYear = "incidents per year";

    /// Every template, for the translation check.
    public static readonly IReadOnlyList<string> Templates =
        [ChartTitle, PerMonth, PerQuarter, PerYear, Sentence, Fell, Rose, Stayed, Unbounded, NotSignificant, Incidents, Sponsored, Or, AttributedTo, Against, InSector, Confidence];

    public static string Of(IncidentFilter filter, DateOnly split, RateRatioTest.Result t, int months, Phrase phrase)
    {
        var inv = CultureInfo.InvariantCulture;
        string Rate(double r) => r.ToString("0.0", inv);
        var rates = t.RateAfter < t.RateBefore ? phrase(Fell, Rate(t.RateBefore), Rate(t.RateAfter))
            : t.RateAfter > t.RateBefore ? phrase(Rose, Rate(t.RateBefore), Rate(t.RateAfter))
            : phrase(Stayed, Rate(t.RateBefore));
        var ratio = t.RateRatio is { } rr ? rr.ToString("0.00", inv) : phrase(Unbounded);
        var ci = $"{(t.Lower ?? 0).ToString("0.00", inv)}–{(t.Upper is { } u ? u.ToString("0.00", inv) : "∞")}";
        var p = t.PValue < 0.001 ? "p < 0.001" : $"p = {t.PValue.ToString("0.000", inv)}";
        var significance = t.PValue < 0.05 ? "" : phrase(NotSignificant);
        return phrase(Sentence, split.ToString("yyyy-MM-dd", inv), Describe(filter, phrase), rates, t.Before, months, t.After, ratio, ci, p, significance);
    }

    public static string AxisLabel(TrendInterval interval, Phrase phrase) =>
        phrase(interval switch { TrendInterval.Quarter => PerQuarter, TrendInterval.Year => PerYear, _ => PerMonth });

    /// "CN-sponsored commercial-espionage incidents against US victims …": what the filter counts.
    public static string Describe(IncidentFilter filter, Phrase phrase)
    {
        var before = new List<string>();
        if (filter.Sponsors.Count > 0) before.Add(phrase(Sponsored, string.Join("/", filter.Sponsors)));
        if (filter.Categories.Count > 0) before.Add(string.Join(phrase(Or), filter.Categories));
        var after = new List<string>();
        if (filter.IntrusionSets.Count > 0) after.Add(phrase(AttributedTo, string.Join(phrase(Or), filter.IntrusionSets)));
        if (filter.Victims.Count > 0) after.Add(phrase(Against, string.Join("/", filter.Victims)));
        if (filter.Sectors.Count > 0) after.Add(phrase(InSector, string.Join(phrase(Or), filter.Sectors)));
        if (filter.MinConfidence is { } c) after.Add(phrase(Confidence, Vocabulary.Name(c)));
        return phrase(Incidents, string.Join(' ', before), string.Join(' ', after)).Trim();
    }
}
