using System.Text.RegularExpressions;
using ScottPlot;

namespace Parley.Oversight;

/// The report's charts as inline SVG drawn with ScottPlot: grouped bar charts, one group per category
/// and one colour per series. Element ids are prefixed per chart (from its content), so that several charts can share a page.
public static partial class OversightCharts
{
    public sealed record Series(string Name, double[] Values);

    private static readonly string[] Palette = ["#1f5fa8", "#d9822b", "#3a9b5c", "#a33a3a", "#7b5ea7", "#6b6b6b"];

    public static string GroupedBars(string title, string yLabel, string[] groups, IReadOnlyList<Series> series, double? yMax = null, int width = 560, int height = 300)
    {
        var plot = new Plot();
        plot.Font.Set(Fonts.Sans);
        var slot = 1.0 / (series.Count + 1);
        var bars = new List<Bar>();
        for (var s = 0; s < series.Count; s++)
        {
            var color = Color.FromHex(Palette[s % Palette.Length]);
            for (var g = 0; g < groups.Length; g++)
                bars.Add(new Bar
                {
                    Position = g + (s - (series.Count - 1) / 2.0) * slot,
                    Value = series[s].Values[g],
                    Size = slot * 0.9,
                    FillColor = color,
                    LineWidth = 0,
                });
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[s].Name, FillColor = color });
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, groups.Length).Select(i => (double)i).ToArray(), groups);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        plot.Title(title, size: 14);
        plot.YLabel(yLabel, size: 12);
        var top = Math.Max(yMax ?? 0, bars.Select(b => b.Value).DefaultIfEmpty(0).Max());
        // Headroom above the tallest bar keeps the legend (upper right) clear of the bars.
        plot.Axes.SetLimits(-0.6, groups.Length - 0.4, 0, top <= 0 ? 1 : top * 1.45);
        plot.ShowLegend(Alignment.UpperRight);
        // A font that has the labels' characters (Chinese ones where the machine has such a font).
        plot.Font.Automatic();
        return Inline(plot.GetSvgXml(width, height));
    }

    /// Drops the XML declaration and renames every id to one unique to this chart: numbered in order of
    /// appearance (ScottPlot numbers them per process) and prefixed with a hash of the chart, so that the same
    /// report renders to the same bytes and several charts can share a page.
    private static string Inline(string svg)
    {
        svg = XmlDeclaration().Replace(svg, "");
        var names = new Dictionary<string, string>();
        foreach (Match m in Id().Matches(svg)) names.TryAdd(m.Groups[1].Value, $"i{names.Count}");
        string Rename(string id) => names.GetValueOrDefault(id, id);
        svg = Id().Replace(svg, m => $"id=\"{Rename(m.Groups[1].Value)}\"");
        svg = UrlRef().Replace(svg, m => $"url(#{Rename(m.Groups[1].Value)})");
        svg = HashRef().Replace(svg, m => $"href=\"#{Rename(m.Groups[1].Value)}\"");
        var prefix = "c" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(svg)))[..10] + "_";
        svg = Id().Replace(svg, m => $"id=\"{prefix}{m.Groups[1].Value}\"");
        svg = UrlRef().Replace(svg, m => $"url(#{prefix}{m.Groups[1].Value})");
        svg = HashRef().Replace(svg, m => $"href=\"#{prefix}{m.Groups[1].Value}\"");
        return svg.Trim();
    }

    [GeneratedRegex(@"<\?xml[^>]*\?>")] private static partial Regex XmlDeclaration();
    [GeneratedRegex("id=\"([^\"]+)\"")] private static partial Regex Id();
    [GeneratedRegex(@"url\(#([^)]+)\)")] private static partial Regex UrlRef();
    [GeneratedRegex("href=\"#([^\"]+)\"")] private static partial Regex HashRef();
}
