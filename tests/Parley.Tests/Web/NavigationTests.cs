using System.Net;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Web;

/// The header offers each role only the sections its pages let through, and the start page sends each role to its work.
public abstract class NavigationTests(DatabaseKind kind) : AppTest(kind)
{
    [Theory]
    [InlineData("us.officer", "/requests")]
    [InlineData("us.supervisor", "/requests")]
    [InlineData("us.hotline", "/hotline")]
    [InlineData("us.overseer", "/oversight")]
    [InlineData("us.analyst", "/incidents")]
    [InlineData("us.admin", "/admin")]
    public async Task StartPage_SendsEachRoleToItsSection_WhichOpens(string user, string landing)
    {
        var client = await PageClient.SignInAsync(App, user);
        var start = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, start.Status);
        Assert.Equal(landing, start.Response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(landing)).Status);
    }

    [Theory]
    [InlineData("us.officer", "/requests,/requests?box=out,/requests/new,/hotline,/incidents")]
    [InlineData("us.hotline", "/requests,/requests?box=out,/hotline,/oversight")]
    [InlineData("us.overseer", "/oversight,/incidents")]
    [InlineData("us.analyst", "/incidents")]
    public async Task Navigation_ShowsOnlyTheSectionsTheRoleMayOpen(string user, string expected)
    {
        var client = await PageClient.SignInAsync(App, user);
        var page = await client.GetAsync(Landing(user));
        var links = page.All("header nav a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(expected.Split(','), links);
        foreach (var link in links) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link)).Status);
    }

    [Theory]
    [InlineData("us.overseer", "/requests")]
    [InlineData("us.overseer", "/hotline")]
    [InlineData("us.analyst", "/oversight")]
    [InlineData("us.officer", "/oversight")]
    public async Task ASectionOutsideTheRole_Is403(string user, string path)
    {
        var client = await PageClient.SignInAsync(App, user);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).Status);
    }

    private static string Landing(string user) => user switch
    {
        "us.hotline" => "/hotline",
        "us.overseer" => "/oversight",
        "us.analyst" => "/incidents",
        _ => "/requests",
    };
}

public sealed class NavigationOnSqlite() : NavigationTests(DatabaseKind.Sqlite);

public sealed class NavigationOnPostgres() : NavigationTests(DatabaseKind.Postgres);
