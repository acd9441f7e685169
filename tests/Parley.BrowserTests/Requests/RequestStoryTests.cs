using Microsoft.Playwright;
using Parley.BrowserTests.Infrastructure;

namespace Parley.BrowserTests.Requests;

/// The request's life in a real browser: a US officer writes it, a Chinese officer (in Chinese) works it,
/// the US side clarifies and the US supervisor rates the answer.
public sealed class RequestStoryTests(Chromium chromium) : BrowserTest(chromium)
{
    [Fact]
    public async Task A_request_goes_from_the_US_officer_to_the_Chinese_officer_and_back_with_a_rating()
    {
        var us = await SignInAsync("us.officer");
        await us.GotoAsync(Server.Url("/requests/new"));
        await us.SelectOptionAsync("#kind", "information");
        await us.SelectOptionAsync("#priority", "urgent");
        await us.SelectOptionAsync("#tlp", "amber");
        await us.FillAsync("#subject", "Intrusion at a solar-panel maker");
        await us.FillAsync("#narrative", "Mail was exfiltrated through servers in your territory. Please identify the subscribers.");
        await us.FillAsync("#indicators", "ipv4 203.0.113.7\ndomain update-check.example.org");
        await ScreenshotAsync(us, "new-request");
        await us.ClickAsync("button[name=Draft][value=false]");
        await Assertions.Expect(us.GetByTestId("reference")).ToHaveTextAsync("US-CN-2026-0001");
        await Assertions.Expect(us.GetByTestId("status")).ToHaveTextAsync("Submitted");

        var cn = await SignInAsync("cn.officer", "zh-CN");
        await Assertions.Expect(cn.Locator("h1")).ToHaveTextAsync("收件箱");
        var row = cn.Locator("tr[data-reference='US-CN-2026-0001']");
        await Assertions.Expect(row).ToContainTextAsync("紧急");
        // Urgent: acknowledge within 4 h of calendar time, so the countdown starts near 4 hours.
        await Assertions.Expect(row.Locator("time[data-countdown]")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("剩余 (3 小时 5\\d|4 小时 0) 分"));
        await Assertions.Expect(cn.GetByTestId("needs-action")).ToContainTextAsync("1 个请求需要您处理");
        await ScreenshotAsync(cn, "inbox-zh");
        await row.Locator("a").ClickAsync();
        await Assertions.Expect(cn.Locator("button[data-action]")).ToHaveCountAsync(2); // acknowledge, decline
        await cn.ClickAsync("button[data-action=acknowledge]");
        await Assertions.Expect(cn.GetByTestId("status")).ToHaveTextAsync("已确认收到");
        await cn.FillAsync("#message-request-clarification", "Which mailboxes were affected?");
        await cn.ClickAsync("button[data-action=request-clarification]");
        await Assertions.Expect(cn.GetByTestId("status")).ToHaveTextAsync("等待澄清");
        await ScreenshotAsync(cn, "workspace-zh");

        await us.ReloadAsync();
        await Assertions.Expect(us.GetByTestId("status")).ToHaveTextAsync("Awaiting clarification");
        await us.FillAsync("#message-clarify", "The sales director's and two engineers' mailboxes.");
        await us.ClickAsync("button[data-action=clarify]");
        await Assertions.Expect(us.GetByTestId("status")).ToHaveTextAsync("In progress");

        await cn.ReloadAsync();
        await cn.FillAsync("#message-final-answer", "The servers belong to a hosting company; subscriber data attached.");
        await cn.ClickAsync("button[data-action=final-answer]");
        await Assertions.Expect(cn.GetByTestId("status")).ToHaveTextAsync("已答复");

        var supervisor = await SignInAsync("us.supervisor");
        await supervisor.GotoAsync(us.Url);
        await supervisor.SelectOptionAsync("#rate-completeness", "4");
        await supervisor.SelectOptionAsync("#rate-relevance", "5");
        await supervisor.SelectOptionAsync("#rate-actionability", "3");
        await supervisor.SelectOptionAsync("#rate-outcome", "information-provided");
        await supervisor.FillAsync("#rate-comment", "Useful, though late.");
        await supervisor.ClickAsync("button[data-action=rate]");
        await Assertions.Expect(supervisor.GetByTestId("rating")).ToContainTextAsync("Rated 4.0/5");
        var timeline = supervisor.GetByTestId("timeline");
        await Assertions.Expect(timeline.Locator("li")).ToHaveCountAsync(7); // drafted, submitted, acknowledged, asked, clarified, answered, rated
        await ScreenshotAsync(supervisor, "workspace");

        // An hour later the overseer starts on the oversight page (the period runs up to now, exclusive),
        // where the request is counted from the US to CN.
        Server.Time.Advance(TimeSpan.FromHours(1));
        var overseer = await SignInAsync("us.overseer");
        await Assertions.Expect(overseer.Locator("h1")).ToHaveTextAsync("Oversight");
        await Assertions.Expect(overseer.Locator("tr[data-direction='US-CN'] .requests-total")).ToHaveTextAsync("1");
        await Assertions.Expect(overseer.Locator("header nav a")).ToHaveCountAsync(2); // oversight, incidents
        await ScreenshotAsync(overseer, "oversight");
    }

    [Fact]
    public async Task A_form_with_a_missing_field_shows_the_message_next_to_that_field()
    {
        var us = await SignInAsync("us.officer");
        await us.GotoAsync(Server.Url("/requests/new"));
        await us.SelectOptionAsync("#kind", "information");
        await us.SelectOptionAsync("#priority", "routine");
        await us.SelectOptionAsync("#tlp", "green");
        await us.FillAsync("#narrative", "No subject given.");
        await us.ClickAsync("button[name=Draft][value=false]");
        await Assertions.Expect(us.Locator("#subject")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(us.Locator("#subject-error")).ToContainTextAsync("subject is required");
        await Assertions.Expect(us.Locator("#narrative")).ToHaveValueAsync("No subject given.");
    }
}
