using Microsoft.Playwright;
using Parley.BrowserTests.Infrastructure;

namespace Parley.BrowserTests.Hotline;

/// On the hotline console an officer sees only the buttons the server allows, and a forged post for another one is refused.
public sealed class HotlineActionSafetyTests(Chromium chromium) : BrowserTest(chromium)
{
    [Fact]
    public async Task The_raising_side_cannot_acknowledge_its_own_escalation_nor_open_a_session_even_by_a_forged_post()
    {
        var (id, reference) = await Api.SubmitAsync(Server);
        await Api.EscalateAsync(Server, id);

        var us = await SignInAsync("us.officer");
        await us.GotoAsync(Server.Url("/hotline"));
        var row = us.Locator($"tr[data-reference='{reference}']");
        var offered = await row.Locator("button[data-action]").EvaluateAllAsync<string[]>("bs => bs.map(b => b.dataset.action)");
        Assert.Equal(["resolve-escalation"], offered);
        Assert.Equal(0, await us.Locator("button[data-action=start-check]").CountAsync());

        var escalation = await row.GetAttributeAsync("data-escalation");
        var token = await row.Locator("input[name=__af]").First.GetAttributeAsync("value");
        foreach (var handler in new[] { "Acknowledge", "OpenSession" })
        {
            var forged = await us.APIRequest.PostAsync(Server.Url($"/hotline?handler={handler}"),
                new APIRequestContextOptions { Form = us.APIRequest.CreateFormData().Set("__af", token!).Set("escalation", escalation!) });
            Assert.Equal(403, forged.Status);
        }
        await us.ReloadAsync();
        await Assertions.Expect(row).ToContainTextAsync("Awaiting acknowledgement");

        var cn = await SignInAsync("cn.officer");
        await cn.GotoAsync(Server.Url("/hotline"));
        var theirs = cn.Locator($"tr[data-reference='{reference}']");
        await theirs.Locator("input[name=note]").FillAsync("Looking into it.");
        await theirs.Locator("button[data-action=acknowledge-escalation]").ClickAsync();
        await Assertions.Expect(theirs).ToContainTextAsync("Acknowledged");
        await Assertions.Expect(theirs.Locator("button[data-action=acknowledge-escalation]")).ToHaveCountAsync(0);
    }
}
