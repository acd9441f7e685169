using Microsoft.Playwright;
using Parley.BrowserTests.Infrastructure;

namespace Parley.BrowserTests.Requests;

public sealed class DeadlineDisplayTests(Chromium chromium) : BrowserTest(chromium)
{
    [Fact]
    public async Task A_missed_deadline_shows_as_missed_in_the_inbox()
    {
        var (_, reference) = await Api.SubmitAsync(Server, priority: "urgent");
        var cn = await SignInAsync("cn.officer");
        var row = cn.Locator($"tr[data-reference='{reference}']");
        await Assertions.Expect(row.Locator(".deadline")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("deadline-on-time"));

        // Urgent requests are acknowledged within 4 h; at 3 h 15 min 75% of the time is used.
        Server.Time.Advance(TimeSpan.FromMinutes(195));
        await cn.ReloadAsync();
        await Assertions.Expect(row.Locator(".deadline")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("deadline-at-risk"));
        await Assertions.Expect(row.Locator(".urgency")).ToHaveTextAsync("At risk");

        Server.Time.Advance(TimeSpan.FromMinutes(50));
        await cn.ReloadAsync();
        await Assertions.Expect(row.Locator(".deadline")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("deadline-missed"));
        await Assertions.Expect(row.Locator(".urgency")).ToHaveTextAsync("Missed");
        await Assertions.Expect(row.Locator("time[data-countdown]")).ToContainTextAsync("overdue");
        await ScreenshotAsync(cn, "inbox-missed");
    }
}
