using System.Text.RegularExpressions;

namespace Parley.Tests.Oversight;

public static partial class OversightHtmlAssert
{
    /// One file that opens offline: no script, no external src/href/url(), and charts as inline SVG or PNG data.
    public static void SelfContained(string html, bool requireChart = true)
    {
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<style>", html);
        if (requireChart) Assert.True(html.Contains("<svg") || html.Contains("data:image/png;base64,"), "no chart");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(External().Matches(html));
    }

    [GeneratedRegex(@"(src|href)\s*=\s*[""']?\s*(https?:)?//|url\(\s*[""']?\s*(https?:)?//|@import", RegexOptions.IgnoreCase)]
    private static partial Regex External();
}
