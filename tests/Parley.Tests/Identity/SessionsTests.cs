using System.Net;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Identity;

/// Server-side sessions: idle and absolute expiry on the (fake) clock, listing and revoking one's own,
/// an administrator revoking those of their own party's users.
public abstract class SessionsTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task IdleSession_StopsWorking_AfterThirtyMinutesUnused()
    {
        var client = await App.SignInAsync("us.officer");
        App.Time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/session")).StatusCode);
        App.Time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/session")).StatusCode);
        App.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/session")).StatusCode);
    }

    [Fact]
    public async Task BusySession_StillEnds_AtItsAbsoluteLifetime()
    {
        var client = await App.SignInAsync("cn.officer");
        for (var i = 0; i < 31; i++)
        {
            App.Time.Advance(TimeSpan.FromMinutes(15));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/session")).StatusCode);
        }
        App.Time.Advance(TimeSpan.FromMinutes(15)); // 8 h after sign-in
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/session")).StatusCode);
    }

    [Fact]
    public async Task User_ListsOwnSessions_AndRevokesOne_WhichStopsOnTheNextRequest()
    {
        var laptop = await App.SignInAsync("us.officer");
        var phone = await App.SignInAsync("us.officer");
        var list = (await (await laptop.GetAsync("/api/v1/sessions")).ReadAsync()).EnumerateArray().ToList();
        Assert.Equal(2, list.Count);
        var phoneId = list.Single(s => !s.GetProperty("current").GetBoolean()).Str("id");

        Assert.Equal(HttpStatusCode.NotFound, (await (await App.SignInAsync("us.officer2")).DeleteAsync($"/api/v1/sessions/{phoneId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/api/v1/requests")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await laptop.DeleteAsync($"/api/v1/sessions/{phoneId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/v1/requests")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/v1/requests")).StatusCode);
        Assert.Single((await (await laptop.GetAsync("/api/v1/sessions")).ReadAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Administrator_ListsAndRevokesAnotherUsersSession_OfTheirOwnPartyOnly_OthersMayNotLook()
    {
        var officer = await App.SignInAsync("us.officer2");
        var foreign = await App.SignInAsync("cn.officer");
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("us.officer").GetAsync("/api/v1/sessions?user=us.officer2")).StatusCode);
        var sessions = (await (await App.As("us.admin").GetAsync("/api/v1/sessions?user=us.officer2")).ReadAsync()).EnumerateArray().ToList();
        var id = Assert.Single(sessions).Str("id");
        Assert.Equal(HttpStatusCode.NoContent, (await App.As("us.admin").DeleteAsync($"/api/v1/sessions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.GetAsync("/api/v1/requests")).StatusCode);

        // Another party's user and session are "not found", as if they did not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("us.admin").GetAsync("/api/v1/sessions?user=cn.officer")).StatusCode);
        var cnSession = (await (await foreign.GetAsync("/api/v1/sessions")).ReadAsync()).EnumerateArray().Single().Str("id");
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("us.admin").DeleteAsync($"/api/v1/sessions/{cnSession}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await foreign.GetAsync("/api/v1/requests")).StatusCode);
    }
}

public sealed class SessionsOnSqlite() : SessionsTests(DatabaseKind.Sqlite);

public sealed class SessionsOnPostgres() : SessionsTests(DatabaseKind.Postgres);
