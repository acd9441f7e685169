using System.Net;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Identity;

/// Password sign-in, lockout with back-off, and what a locked or unknown account reveals.
public abstract class SessionApiTests(DatabaseKind kind) : AppTest(kind)
{
    private Task<HttpResponseMessage> PasswordAsync(HttpClient client, string user, string password) =>
        client.PostJsonAsync("/api/v1/session", new { userName = user, password });

    [Fact]
    public async Task SignIn_WithRightPassword_SetsCookieThatOpensTheApi_AndSignOutEndsIt()
    {
        var client = App.CookieClient();
        var response = await PasswordAsync(client, "cn.officer", TestDirectory.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.ReadAsync();
        Assert.Equal(["officer"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/requests")).StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("parley=")).Split(';')[0];
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/v1/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/requests")).StatusCode);

        // The old cookie, replayed after sign-out, opens nothing: the session record is revoked.
        var replay = App.Anonymous();
        replay.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync("/api/v1/requests")).StatusCode);
    }

    [Fact]
    public async Task FifthFailure_Locks_ForOneMinute_ThenTwo_AndLockedLooksLikeAWrongPassword()
    {
        var client = App.CookieClient();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await PasswordAsync(client, "us.officer", "wrong guess " + i)).StatusCode);
        var locked = await PasswordAsync(client, "us.officer", TestDirectory.Password);
        var unknown = await PasswordAsync(client, "nobody", "whatever it is");
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal((await unknown.ReadAsync()).Str("detail"), (await locked.ReadAsync()).Str("detail"));

        App.Time.Advance(TimeSpan.FromSeconds(61));
        for (var i = 0; i < 5; i++) await PasswordAsync(client, "us.officer", "wrong again " + i);
        // The second lockout lasts two minutes: one minute later it still holds.
        App.Time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await PasswordAsync(client, "us.officer", TestDirectory.Password)).StatusCode);
        App.Time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, (await PasswordAsync(client, "us.officer", TestDirectory.Password)).StatusCode);

        // A successful sign-in resets the back-off: the next lockout is one minute again.
        for (var i = 0; i < 5; i++) await PasswordAsync(client, "us.officer", "third round " + i);
        App.Time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.OK, (await PasswordAsync(client, "us.officer", TestDirectory.Password)).StatusCode);
    }

    [Fact]
    public async Task LockoutGrowth_StopsAtTheCap()
    {
        var client = App.CookieClient();
        for (var round = 0; round < 9; round++)
        {
            for (var i = 0; i < 5; i++) await PasswordAsync(client, "us.officer", $"round {round} guess {i}");
            App.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        }
        // 2^8 minutes would be over four hours; the cap is one hour.
        Assert.Equal(HttpStatusCode.OK, (await PasswordAsync(client, "us.officer", TestDirectory.Password)).StatusCode);
    }

    [Fact]
    public async Task UnknownUser_IsThe401OfAWrongPassword()
    {
        var unknown = await PasswordAsync(App.CookieClient(), "nobody", "x");
        var wrong = await PasswordAsync(App.CookieClient(), "us.officer", "x");
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        var (a, b) = (await unknown.ReadAsync(), await wrong.ReadAsync());
        Assert.Equal(a.Str("title"), b.Str("title"));
        Assert.Equal(a.Str("detail"), b.Str("detail"));
    }
}

public sealed class SessionApiOnSqlite() : SessionApiTests(DatabaseKind.Sqlite);

public sealed class SessionApiOnPostgres() : SessionApiTests(DatabaseKind.Postgres);
