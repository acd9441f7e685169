using Microsoft.Playwright;
using Parley.BrowserTests.Infrastructure;

namespace Parley.BrowserTests.Requests;

public sealed class ActionSafetyTests(Chromium chromium) : BrowserTest(chromium)
{
    [Fact]
    public async Task Each_side_sees_only_the_steps_the_server_allows_and_a_forged_post_is_refused()
    {
        var (id, _) = await Api.SubmitAsync(Server);

        var us = await SignInAsync("us.officer");
        await us.GotoAsync(Server.Url($"/requests/{id}"));
        await Assertions.Expect(us.Locator("button[data-action]")).ToHaveCountAsync(1);
        await Assertions.Expect(us.Locator("button[data-action=withdraw]")).ToBeVisibleAsync();

        var cn = await SignInAsync("cn.officer");
        await cn.GotoAsync(Server.Url($"/requests/{id}"));
        var offered = await cn.Locator("button[data-action]").EvaluateAllAsync<string[]>("bs => bs.map(b => b.dataset.action)");
        Assert.Equal(["acknowledge", "decline"], offered.Order());

        // The US officer forges the Chinese side's step with a valid session and anti-forgery token.
        var token = await us.Locator("form.action-withdraw input[name=__af]").GetAttributeAsync("value");
        var forged = await us.APIRequest.PostAsync(Server.Url($"/requests/{id}?step=acknowledge&handler=Act"),
            new APIRequestContextOptions { Form = us.APIRequest.CreateFormData().Set("__af", token!) });
        Assert.Equal(403, forged.Status);

        // Without the anti-forgery token even the right user's own step is refused.
        var noToken = await cn.APIRequest.PostAsync(Server.Url($"/requests/{id}?step=acknowledge&handler=Act"),
            new APIRequestContextOptions { Form = cn.APIRequest.CreateFormData().Set("Message", "") });
        Assert.Equal(400, noToken.Status);

        await us.ReloadAsync();
        await Assertions.Expect(us.GetByTestId("status")).ToHaveTextAsync("Submitted");
    }

    [Fact]
    public async Task A_step_from_a_stale_page_is_refused_and_says_so()
    {
        var (id, _) = await Api.SubmitAsync(Server);
        var first = await SignInAsync("cn.officer");
        var second = await SignInAsync("cn.officer2");
        await first.GotoAsync(Server.Url($"/requests/{id}"));
        await second.GotoAsync(Server.Url($"/requests/{id}"));
        await first.ClickAsync("button[data-action=acknowledge]");
        await Assertions.Expect(first.GetByTestId("status")).ToHaveTextAsync("Acknowledged");

        await second.FillAsync("#message-decline", "Outside our remit.");
        var response = await second.RunAndWaitForResponseAsync(() => second.ClickAsync("button[data-action=decline]"), r => r.Request.Method == "POST");
        Assert.Equal(412, response.Status);
        await Assertions.Expect(second.GetByTestId("refused")).ToBeVisibleAsync();
        await Assertions.Expect(second.GetByTestId("status")).ToHaveTextAsync("Acknowledged");
    }
}
