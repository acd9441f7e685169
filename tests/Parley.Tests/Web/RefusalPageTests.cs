using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Parley.Escalation;
using Parley.Tests.Infrastructure;
using Parley.Tests.Requests;

namespace Parley.Tests.Web;

/// What a page says when the API's handler refuses a step, and when a form value cannot be read at all, in the
/// reader's language: a Chinese page shows no English sentence, an English page reads as it did.
public abstract class RefusalPageTests(DatabaseKind kind) : AppTest(kind)
{
    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Services.Configure<DeadlineWatcherOptions>(o => o.Enabled = false);

    [Fact]
    public async Task AStepTheRequestNoLongerAllows_IsRefusedInChinese_AndInEnglish()
    {
        var id = await RequestBodies.SubmitAsync(App);
        var chinese = await PageClient.SignInAsync(App, "cn.officer", "zh-CN");
        var english = await PageClient.SignInAsync(App, "cn.officer");
        var staleChinese = await chinese.GetAsync($"/requests/{id}");
        var staleEnglish = await english.GetAsync($"/requests/{id}");
        // Meanwhile a colleague acknowledges the request.
        Assert.Equal(HttpStatusCode.OK, (await App.As("cn.supervisor").PostJsonAsync($"/api/v1/requests/{id}/acknowledge", null)).StatusCode);

        // The page's form carries the version it was read at: the step is refused as stale.
        var stale = await chinese.SubmitAsync(staleChinese, "button[data-action=acknowledge]");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Status);
        Assert.StartsWith("未执行: 自您读取以来，请求已被更改；其当前 ETag 为 ", stale.Text("[data-testid=refused]"));

        // Without the version, the request's state itself refuses the step.
        var notNow = await chinese.SubmitAsync(staleChinese, "button[data-action=acknowledge]", new Dictionary<string, string> { ["ETag"] = "" });
        Assert.Equal(HttpStatusCode.Conflict, notNow.Status);
        Assert.Equal("未执行: 已确认收到的请求不能执行此步骤。", notNow.Text("[data-testid=refused]"));

        var inEnglish = await english.SubmitAsync(staleEnglish, "button[data-action=acknowledge]", new Dictionary<string, string> { ["ETag"] = "" });
        Assert.Equal(HttpStatusCode.Conflict, inEnglish.Status);
        Assert.Equal("Not done: That step is not open to an acknowledged request.", inEnglish.Text("[data-testid=refused]"));
    }

    [Fact]
    public async Task AcknowledgingAnEscalationRaisedAgainstTheOtherSide_IsRefusedInChinese_AndInEnglish()
    {
        // An urgent US→CN request whose acknowledgement deadline passed is escalated to CN, the responding side.
        await RequestBodies.SubmitAsync(App, priority: "urgent");
        App.Time.Advance(TestDirectory.UrgentAck + TimeSpan.FromMinutes(1));
        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DeadlineWatch>().RunOnceAsync(default);
        var escalation = await App.WithDbAsync(db => db.Escalations.Select(e => e.Id).SingleAsync());
        var fields = new Dictionary<string, string> { ["escalation"] = escalation.ToString() };

        var chinese = await PageClient.SignInAsync(App, "us.officer", "zh-CN");
        var refused = await chinese.ForgeAsync(await chinese.GetAsync("/hotline"), "/hotline?handler=Acknowledge", fields);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("未执行: 只有被升级到的答复方可以确认此升级。", refused.Text("[data-testid=refused]"));

        var english = await PageClient.SignInAsync(App, "us.officer");
        var inEnglish = await english.ForgeAsync(await english.GetAsync("/hotline"), "/hotline?handler=Acknowledge", fields);
        Assert.Equal("Not done: Only the responding side, to which it was escalated, acknowledges this escalation.", inEnglish.Text("[data-testid=refused]"));
    }

    [Fact]
    public async Task ANonNumberInANumericField_IsRefusedInChinese_AndInEnglish()
    {
        var chinese = await (await PageClient.SignInAsync(App, "us.analyst", "zh-CN")).GetAsync("/incidents?months=abc");
        Assert.Equal("值“abc”对 Months 无效。", chinese.Text("#months-error"));
        Assert.Equal("true", chinese.Find("#months")!.GetAttribute("aria-invalid"));

        var english = await (await PageClient.SignInAsync(App, "us.analyst")).GetAsync("/incidents?months=abc");
        Assert.Equal("The value 'abc' is not valid for Months.", english.Text("#months-error"));
    }
}

public sealed class RefusalPageOnSqlite() : RefusalPageTests(DatabaseKind.Sqlite);

public sealed class RefusalPageOnPostgres() : RefusalPageTests(DatabaseKind.Postgres);
