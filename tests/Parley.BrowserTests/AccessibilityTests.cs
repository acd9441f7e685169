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
        await Api.EscalateAsync(Server, id);
        var language = locale[..2];
        var failures = new List<string>();
        var cn = await SignInAsync("cn.officer", locale);
        foreach (var (path, name) in new[] { ("/requests", "inbox"), ("/requests?box=out", "outbox"), ("/requests/new", "new-request"), ($"/requests/{id}", "workspace") })
            failures.AddRange(await CheckAsync(cn, path, $"{name}-{language}"));

        // A supervisor reaches every other main page: the hotline console (with the escalation and a session
        // opened from it), the oversight report, the incident monitor and the settings.
        var supervisor = await SignInAsync("cn.supervisor", locale);
        failures.AddRange(await CheckAsync(supervisor, "/hotline", $"hotline-{language}"));
        await supervisor.ClickAsync("button[data-action=open-session]");
        await ArrivedAsync(supervisor, "/hotline/sessions/");
        failures.AddRange(await CheckAsync(supervisor, new Uri(supervisor.Url).PathAndQuery, $"hotline-session-{language}"));
        foreach (var (path, name) in new[] { ("/oversight", "oversight"), ("/incidents", "incidents"), ("/settings", "settings") })
            failures.AddRange(await CheckAsync(supervisor, path, $"{name}-{language}"));
        // An administrator reaches the administration pages.
        var admin = await SignInAsync("us.admin", locale);
        foreach (var page in new[] { "", "/directory", "/users", "/policies", "/ladder", "/webhooks", "/tokens" })
            failures.AddRange(await CheckAsync(admin, "/admin" + page, $"admin{page.Replace('/', '-')}-{language}"));
        var anonymous = await Browser.NewPageAsync(new BrowserNewPageOptions { Locale = locale });
        await anonymous.GotoAsync(Server.Url("/sign-in"));
        failures.AddRange(await SeriousViolationsAsync(anonymous, "/sign-in"));
        await anonymous.CloseAsync();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task<IEnumerable<string>> CheckAsync(IPage page, string path, string screenshot)
    {
        var response = await page.GotoAsync(Server.Url(path));
        Assert.Equal(200, response!.Status);
        await ScreenshotAsync(page, screenshot);
        return await SeriousViolationsAsync(page, path);
    }

    private static async Task<IEnumerable<string>> SeriousViolationsAsync(IPage page, string path)
    {
        var results = await page.RunAxe();
        return results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{path}: {v.Id} ({v.Impact}) {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}");
    }
}
