using System.Net;
using Microsoft.AspNetCore.Builder;
using Parley.Notifications;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Notifications;

public sealed class NotificationsApiTests() : AppTest(DatabaseKind.Sqlite)
{
    protected override void Configure(WebApplicationBuilder builder) => NotificationKit.Configure(builder);

    [Theory]
    [InlineData("GET", "/api/v1/webhooks")]
    [InlineData("POST", "/api/v1/webhooks")]
    [InlineData("DELETE", "/api/v1/webhooks/0190a0b4-0000-7000-8000-000000000000")]
    [InlineData("POST", "/api/v1/webhooks/0190a0b4-0000-7000-8000-000000000000/test")]
    [InlineData("GET", "/api/v1/notifications")]
    [InlineData("GET", "/api/v1/notifications/0190a0b4-0000-7000-8000-000000000000")]
    [InlineData("POST", "/api/v1/notifications/0190a0b4-0000-7000-8000-000000000000/retry")]
    public async Task NonAdministrator_Gets403_Anonymous401(string method, string url)
    {
        foreach (var user in new[] { "us.supervisor", "us.officer", "us.hotline", "us.overseer" })
        {
            var response = await App.As(user).SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "POST" ? System.Net.Http.Json.JsonContent.Create(new { url = "https://x.test/" }) : null });
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous().SendAsync(new HttpRequestMessage(new HttpMethod(method), url))).StatusCode);
    }

    [Theory]
    [InlineData("""{"url":"ftp://files.test/hook"}""", "url")]
    [InlineData("""{"url":"/relative/hook"}""", "url")]
    [InlineData("""{"url":"not a url"}""", "url")]
    [InlineData("""{}""", "url")]
    [InlineData("""{"url":"https://hooks.test/p","secret":"short"}""", "secret")]
    [InlineData("""{"url":"https://hooks.test/p","events":["Escalation Raised"]}""", "events")]
    [InlineData("""{"url":"https://hooks.test/p","events":[]}""", "events")]
    [InlineData("""{"url":"https://hooks.test/p","agencyId":"0190a0b4-0000-7000-8000-000000000000"}""", "agencyId")]
    public async Task BadWebhook_Is400NamingTheField(string body, string field)
    {
        var response = await App.As("us.admin").PostRawAsync("/api/v1/webhooks", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], (await response.ReadAsync()).ErrorFields());
    }

    [Fact]
    public async Task WebhookForTheOtherPartysAgency_Is400NamingAgencyId()
    {
        var response = await App.As("us.admin").PostJsonAsync("/api/v1/webhooks", new { url = "https://hooks.test/p", agencyId = App.Directory.Agencies["MPS"] });
        Assert.Equal(["agencyId"], (await response.ReadAsync()).ErrorFields());
    }

    [Theory]
    [InlineData("status=lost", "status")]
    [InlineData("status=1", "status")]
    [InlineData("channel=pigeon", "channel")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=ten", "limit")]
    public async Task BadFilter_Is400NamingTheField(string query, string field)
    {
        var response = await App.As("us.admin").GetAsync($"/api/v1/notifications?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], (await response.ReadAsync()).ErrorFields());
    }

    [Fact]
    public async Task Secret_IsShownOnceOnCreation_AndGeneratedWhenNotGiven()
    {
        var admin = App.As("us.admin");
        var created = await (await admin.PostJsonAsync("/api/v1/webhooks", new { url = "https://hooks.test/parley", events = new[] { "escalation.*" } })).ReadAsync();
        Assert.StartsWith("whsec_", created.Str("secret"));
        Assert.True(created.Str("secret").Length >= 40);
        var given = await (await admin.PostJsonAsync("/api/v1/webhooks", new { url = "http://127.0.0.1:9/x", secret = "a-secret-of-my-own-choosing" })).ReadAsync();
        Assert.Equal("a-secret-of-my-own-choosing", given.Str("secret"));

        var list = await admin.GetAsync("/api/v1/webhooks");
        var text = await list.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);
        var hooks = (await list.ReadAsync()).EnumerateArray().ToList();
        Assert.Equal(["https://hooks.test/parley", "http://127.0.0.1:9/x"], hooks.Select(h => h.Str("url")));
        Assert.Equal(["escalation.*"], hooks[0].GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(App.Directory.Agencies["FBI"], hooks[0].GetProperty("agencyId").GetGuid());
        var one = await admin.GetAsync($"/api/v1/webhooks/{created.Str("id")}");
        Assert.DoesNotContain("secret", await one.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OtherPartysAdministrator_SeesNeitherTheWebhookNorItsDeliveries()
    {
        var hook = (await (await App.As("us.admin").PostJsonAsync("/api/v1/webhooks", new { url = "https://hooks.test/us" })).ReadAsync()).Str("id");
        await App.EnqueueAsync(NotificationKit.Event(App, roles: Parley.Identity.Roles.Officer, agencies: ["FBI", "MPS"]));
        var cn = await App.ChineseAdminAsync();

        Assert.Empty((await (await cn.GetAsync("/api/v1/webhooks")).ReadAsync()).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await cn.GetAsync($"/api/v1/webhooks/{hook}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cn.DeleteAsync($"/api/v1/webhooks/{hook}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cn.PostJsonAsync($"/api/v1/webhooks/{hook}/test", null)).StatusCode);

        var cnSees = (await (await cn.GetAsync("/api/v1/notifications")).ReadAsync()).EnumerateArray().Select(n => n.Str("recipient")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["cn.officer2@cn.test", "cn.officer@cn.test"], cnSees);
        var usSees = (await (await App.As("us.admin").GetAsync("/api/v1/notifications")).ReadAsync()).EnumerateArray().Select(n => n.Str("recipient")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["https://hooks.test/us", "us.officer2@us.test", "us.officer@us.test"], usSees);
        var usId = (await App.NotificationsAsync()).First(n => n.Recipient == "us.officer@us.test").Id;
        Assert.Equal(HttpStatusCode.NotFound, (await cn.GetAsync($"/api/v1/notifications/{usId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cn.PostJsonAsync($"/api/v1/notifications/{usId}/retry", null)).StatusCode);
    }

    [Fact]
    public async Task Retry_OfANotificationThatIsNotFailed_Is409()
    {
        await App.EnqueueAsync(NotificationKit.Event(App, addresses: ["fbi.desk@contacts.test"]));
        var id = (await App.NotificationsAsync()).Single().Id;
        var response = await App.As("us.admin").PostJsonAsync($"/api/v1/notifications/{id}/retry", null);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class BackoffTests
{
    private static readonly NotificationSenderOptions Options = new() { BackoffBase = TimeSpan.FromSeconds(30), BackoffCap = TimeSpan.FromMinutes(10), BackoffJitter = 0.2 };

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(5, 480)]
    [InlineData(6, 600)]
    [InlineData(60, 600)]
    public void Delay_DoublesUpToTheCap_AndJitterStaysWithinItsShare(int failures, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), Backoff.Delay(failures, Options, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(seconds * 0.8), Backoff.Delay(failures, Options, 0.0));
        Assert.True(Backoff.Delay(failures, Options, 0.999999) <= TimeSpan.FromSeconds(seconds * 1.2));
    }
}
