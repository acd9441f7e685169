using System.Globalization;
using ScottPlot;

namespace Parley.Incidents;

/// Charts of trends and of the agreement's effect, drawn with ScottPlot (SVG needs no native fonts
/// beyond SkiaSharp's bundled library; PNG works on Linux with the same library).
public static class IncidentCharts
{
    public const int Width = 900, Height = 420;

    public sealed record Marker(DateOnly Date, string Label);

    public static Plot Effect(IncidentEffect.Result effect, string title, IEnumerable<Marker> markers, string yLabel = EffectSentence.PerMonth)
    {
        var plot = new Plot();
        var xs = effect.PerMonth.Select(m => MonthStart(m.Month).ToOADate() + 14).ToArray();
        var bars = plot.Add.Bars(xs, effect.PerMonth.Select(m => (double)m.Count).ToArray());
        foreach (var bar in bars.Bars)
        {
            bar.Size = 24;
            bar.FillColor = DateOnly.FromDateTime(DateTime.FromOADate(bar.Position)) < effect.Split ? Colors.SteelBlue : Colors.DarkOrange;
            bar.LineWidth = 0;
        }
        var palette = new ScottPlot.Palettes.Category10();
        var label = markers.FirstOrDefault(m => m.Date == effect.Split)?.Label ?? "split";
        AddMarker(plot, new Marker(effect.Split, $"{label} {effect.Split.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"), Colors.Black);
        var i = 2;
        foreach (var m in markers.Where(m => m.Date > effect.BeforeFrom && m.Date < effect.AfterTo && m.Date != effect.Split))
            AddMarker(plot, m with { Label = $"{m.Label} {m.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" }, palette.GetColor(i++));
        plot.ShowLegend(Alignment.UpperRight);
        var axis = plot.Axes.DateTimeTicksBottom();
        if (axis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic ticks)
            ticks.LabelFormatter = d => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        plot.Axes.Margins(bottom: 0);
        plot.Title(title);
        plot.YLabel(yLabel);
        plot.Font.Automatic();
        return plot;
    }

    public static Plot Trend(IncidentTrend.Result trend, string title, int maxSeries = 8, string? yLabel = null)
    {
        var plot = new Plot();
        var xs = Enumerable.Range(0, trend.Periods.Count).Select(i => (double)i).ToArray();
        var palette = new ScottPlot.Palettes.Category10();
        var i = 0;
        foreach (var series in trend.Series.Take(maxSeries))
        {
            var line = plot.Add.Scatter(xs, series.Counts.Select(c => (double)c).ToArray());
            line.LegendText = series.Label;
            line.Color = palette.GetColor(i++);
            line.MarkerSize = trend.Periods.Count > 40 ? 0 : 4;
        }
        var step = Math.Max(1, trend.Periods.Count / 12);
        var ticks = Enumerable.Range(0, trend.Periods.Count).Where(p => p % step == 0).Select(p => new Tick(p, trend.Periods[p])).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Margins(bottom: 0);
        if (trend.Series.Count > 1) plot.ShowLegend(Alignment.UpperRight);
        plot.Title(title);
        plot.YLabel(yLabel ?? EffectSentence.AxisLabel(trend.Interval, EffectSentence.English));
        plot.Font.Automatic();
        return plot;
    }

    public static string Svg(Plot plot) => plot.GetSvgXml(Width, Height);

    public static byte[] Png(Plot plot) => plot.GetImageBytes(Width, Height, ImageFormat.Png);

    /// Writes SVG or PNG by the file's extension.
    public static void Save(Plot plot, string path)
    {
        if (path.EndsWith(".png", StringComparison.OrdinalIgnoreCase)) File.WriteAllBytes(path, Png(plot));
        else File.WriteAllText(path, Svg(plot));
    }

    private static void AddMarker(Plot plot, Marker marker, Color color)
    {
        var line = plot.Add.VerticalLine(marker.Date.ToDateTime(TimeOnly.MinValue).ToOADate());
        line.Color = color;
        line.LinePattern = LinePattern.Dashed;
        line.LegendText = marker.Label;
    }

    private static DateTime MonthStart(string month) => DateTime.ParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture);
}
