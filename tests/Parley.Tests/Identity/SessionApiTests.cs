using System.Net;
using Microsoft.AspNetCore.TestHost;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Identity;

public sealed class SessionApiTests() : AppTest(DatabaseKind.Sqlite)
{
    private HttpClient CookieClient()
    {
        var server = App.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>() as TestServer;
        var handler = new CookieContainerHandler(server!.CreateHandler());
        return new HttpClient(handler) { BaseAddress = server.BaseAddress };
    }

    [Fact]
    public async Task SignIn_WithRightPassword_SetsCookieThatOpensTheApi()
    {
        var client = CookieClient();
        var response = await client.PostJsonAsync("/api/v1/session", new { userName = "cn.officer", password = TestDirectory.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.ReadAsync();
        Assert.Equal(["officer"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/requests")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/v1/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/requests")).StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPassword_Is401_AndFifthFailureLocksEvenTheRightPassword()
    {
        var client = CookieClient();
        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostJsonAsync("/api/v1/session", new { userName = "us.officer", password = "guess" + i })).StatusCode);
        Assert.Equal((HttpStatusCode)423, (await client.PostJsonAsync("/api/v1/session", new { userName = "us.officer", password = "guess" })).StatusCode);
        Assert.Equal((HttpStatusCode)423, (await client.PostJsonAsync("/api/v1/session", new { userName = "us.officer", password = TestDirectory.Password })).StatusCode);

        App.Time.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/v1/session", new { userName = "us.officer", password = TestDirectory.Password })).StatusCode);
    }

    [Fact]
    public async Task SignIn_UnknownUser_IsTheSame401()
    {
        var response = await CookieClient().PostJsonAsync("/api/v1/session", new { userName = "nobody", password = "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Unknown user name or wrong password.", (await response.ReadAsync()).Str("detail"));
    }

    [Fact]
    public async Task Token_Expired_Revoked_OrForged_IsRefused()
    {
        var created = await App.As("us.officer").PostJsonAsync("/api/v1/tokens", new { name = "MISP", daysValid = 1 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var token = (await created.ReadAsync()).Str("token");
        var client = App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/requests")).StatusCode);

        App.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/requests")).StatusCode);
        client.DefaultRequestHeaders.Authorization = new("Bearer", "pky_forged");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/requests")).StatusCode);
    }

    [Fact]
    public async Task Tokens_AreStoredOnlyAsHashes()
    {
        var created = await (await App.As("us.officer").PostJsonAsync("/api/v1/tokens", new { name = "OpenCTI" })).ReadAsync();
        var secret = created.Str("token");
        var stored = await App.WithDbAsync(db => Task.FromResult(db.ApiTokens.Single(t => t.Name == "OpenCTI")));
        Assert.Equal(Parley.Identity.ApiTokens.Hash(secret), stored.Hash);
        Assert.DoesNotContain(secret[10..], stored.Prefix);
    }
}

/// Keeps cookies between calls to the in-process test server.
internal sealed class CookieContainerHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly CookieContainer _cookies = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var uri = request.RequestUri!;
        var header = _cookies.GetCookieHeader(uri);
        if (header.Length > 0) request.Headers.Add("Cookie", header);
        var response = await base.SendAsync(request, ct);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
            foreach (var value in values) _cookies.SetCookies(uri, value);
        return response;
    }
}
