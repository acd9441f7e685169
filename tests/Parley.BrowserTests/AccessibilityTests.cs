using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Parley.BrowserTests.Infrastructure;

namespace Parley.BrowserTests;

/// axe-core on each main page, in both languages: no serious or critical violation.
public sealed class AccessibilityTests(Chromium chromium) : BrowserTest(chromium)
{
    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task The_main_pages_have_no_serious_accessibility_violation(string locale)
    {
        var (id, _) = await Api.SubmitAsync(Server);
        var cn = await SignInAsync("cn.officer", locale);
        var pages = new[] { "/requests", "/requests?box=out", "/requests/new", $"/requests/{id}" };
        var failures = new List<string>();
        foreach (var path in pages)
        {
            await cn.GotoAsync(Server.Url(path));
            failures.AddRange(await SeriousViolationsAsync(cn, path));
        }
        var anonymous = await Browser.NewPageAsync(new BrowserNewPageOptions { Locale = locale });
        await anonymous.GotoAsync(Server.Url("/sign-in"));
        failures.AddRange(await SeriousViolationsAsync(anonymous, "/sign-in"));
        await anonymous.CloseAsync();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task<IEnumerable<string>> SeriousViolationsAsync(IPage page, string path)
    {
        var results = await page.RunAxe();
        return results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{path}: {v.Id} ({v.Impact}) {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}");
    }
}
