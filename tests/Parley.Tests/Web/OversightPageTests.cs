using System.Net;
using Parley.Tests.Infrastructure;
using Parley.Tests.Requests;

namespace Parley.Tests.Web;

public abstract class OversightPageTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task Overseer_SeesTheSubmittedRequestCounted_WithChartsAndLinksToTheOtherForms()
    {
        await RequestBodies.SubmitAsync(App, priority: "urgent");
        App.Time.Advance(TimeSpan.FromDays(1));
        var client = await PageClient.SignInAsync(App, "cn.overseer");
        var page = await client.GetAsync("/oversight?from=2026-03-01");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("1", page.Text("tr[data-direction='US-CN'] .requests-total"));
        Assert.Equal("0", page.Text("tr[data-direction='CN-US'] .requests-total"));
        Assert.NotEmpty(page.All("img.chart[src^='data:image/svg+xml;base64,'][alt]"));
        foreach (var (link, type) in new[] { ("html", "text/html"), ("csv", "text/csv"), ("json", "application/json") })
        {
            var href = page.Find($"[data-testid=link-{link}]")!.GetAttribute("href")!;
            var response = await client.GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, response.Status);
            Assert.StartsWith(type, response.Response.Content.Headers.ContentType!.ToString());
        }
    }

    [Fact]
    public async Task ADateThatIsNotOne_IsShownNextToItsField()
    {
        var page = await (await PageClient.SignInAsync(App, "us.overseer")).GetAsync("/oversight?from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("from is a date", page.Text("#from-error"));
        Assert.Null(page.Find("[data-testid=overview]"));
    }

    [Fact]
    public async Task InChinese_TheHeadingsAreChinese()
    {
        await RequestBodies.SubmitAsync(App, priority: "urgent");
        App.Time.Advance(TimeSpan.FromDays(1));
        var page = await (await PageClient.SignInAsync(App, "us.overseer", "zh-CN")).GetAsync("/oversight?from=2026-03-01");
        Assert.Equal("监督", page.Text("h1"));
        Assert.Equal("zh-Hans", page.Document.DocumentElement.GetAttribute("lang"));
        // Priorities and clocks in the timing tables are words of the interface too.
        var timing = page.All("section[aria-labelledby='h-US-CN'] table:first-of-type tbody tr").Select(r => (r.QuerySelector("th")!.TextContent, r.QuerySelector("td")!.TextContent)).ToList();
        Assert.Contains(("紧急", "日历时间"), timing);
        Assert.True(!timing.Any(r => r.Item1.Any(char.IsAsciiLetter) || r.Item2.Any(char.IsAsciiLetter)), string.Join(" | ", timing));
        // Chart titles are HTML captions, so they read in Chinese whatever fonts the server has for drawing.
        var captions = page.All(".charts figure figcaption").Select(c => c.TextContent.Trim()).ToList();
        Assert.NotEmpty(captions);
        Assert.True(!captions.Any(c => c.Length == 0 || c.Any(char.IsAsciiLetter)), string.Join(" | ", captions));
    }
}

public sealed class OversightPageOnSqlite() : OversightPageTests(DatabaseKind.Sqlite);

public sealed class OversightPageOnPostgres() : OversightPageTests(DatabaseKind.Postgres);
