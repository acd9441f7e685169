using Microsoft.Playwright;
using Parley.BrowserTests.Infrastructure;

namespace Parley.BrowserTests.Requests;

public sealed class DeadlineDisplayTests(Chromium chromium) : BrowserTest(chromium)
{
    [Fact]
    public async Task A_missed_deadline_shows_as_missed_in_the_inbox_and_as_an_escalation_in_the_hotline_console()
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

        // The watcher records the miss and escalates to CN's desk; the hotline console shows it, overdue-coloured when its own deadline passes.
        await cn.GotoAsync(Server.Url("/hotline"));
        var escalation = cn.Locator($"tr[data-reference='{reference}']");
        for (var i = 0; i < 50 && await escalation.CountAsync() == 0; i++)
        {
            await Task.Delay(200);
            await cn.ReloadAsync();
        }
        await Assertions.Expect(escalation).ToContainTextAsync("Awaiting acknowledgement");
        await Assertions.Expect(escalation.Locator("button[data-action=acknowledge-escalation]")).ToBeVisibleAsync();
        await Assertions.Expect(cn.Locator("[data-testid=escalations] h3")).ToHaveTextAsync("Level 1: Desk");
        await ScreenshotAsync(cn, "hotline-escalation");
    }
}
