using System.Net;
using System.Net.Http.Json;
using Parley.Requests;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Requests;

/// A party sees only what it sends or receives: anything else is indistinguishable from a request that does not exist.
public abstract class IsolationTests(DatabaseKind kind) : AppTest(kind)
{
    private async Task AssertInvisibleAsync(string user, string id)
    {
        var client = App.As(user);
        var missing = Guid.CreateVersion7().ToString();
        var get = await client.GetAsync($"/api/v1/requests/{id}");
        var getMissing = await client.GetAsync($"/api/v1/requests/{missing}");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(WithoutTraceId(await getMissing.Content.ReadAsStringAsync()), WithoutTraceId(await get.Content.ReadAsStringAsync()));
        foreach (var route in RequestTransitions.Routes.Values)
        {
            var response = await client.PostJsonAsync($"/api/v1/requests/{id}/{route}", new { message = "x", reason = "x" });
            var forMissing = await client.PostJsonAsync($"/api/v1/requests/{missing}/{route}", new { message = "x", reason = "x" });
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{user} {route}: {response.StatusCode}");
            Assert.Equal(WithoutTraceId(await forMissing.Content.ReadAsStringAsync()), WithoutTraceId(await response.Content.ReadAsStringAsync()));
        }
        var put = await client.PutAsJsonAsync($"/api/v1/requests/{id}", RequestBodies.Valid(draft: true));
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        var list = await (await client.GetAsync("/api/v1/requests?pageSize=200")).ReadAsync();
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.Str("id") == id);
    }

    private static string WithoutTraceId(string body) =>
        System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "");

    [Fact]
    public async Task ThirdParty_GetsNotFoundOnEveryRequestEndpoint()
    {
        var id = await RequestBodies.SubmitAsync(App);
        var reference = (await (await App.As("us.officer").GetAsync($"/api/v1/requests/{id}")).ReadAsync()).Path("summary", "reference").GetString()!;
        await AssertInvisibleAsync("gb.officer", id);
        await AssertInvisibleAsync("gb.supervisor", reference);
    }

    [Fact]
    public async Task OtherSide_CannotSeeADraft()
    {
        var created = await App.As("us.officer").PostJsonAsync("/api/v1/requests", RequestBodies.Valid(draft: true));
        var id = (await created.ReadAsync()).Path("summary", "id").GetString()!;
        await AssertInvisibleAsync("cn.officer", id);
        await AssertInvisibleAsync("cn.supervisor", id);
        Assert.Equal(HttpStatusCode.OK, (await App.As("us.dhs").GetAsync($"/api/v1/requests/{id}")).StatusCode);
    }

    [Fact]
    public async Task RolesWithoutCaseAccess_AreRefused_AndAnonymousIsUnauthorized()
    {
        var id = await RequestBodies.SubmitAsync(App);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("us.overseer").GetAsync($"/api/v1/requests/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("us.analyst").GetAsync("/api/v1/requests")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous().GetAsync($"/api/v1/requests/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.As("us.hotline").GetAsync($"/api/v1/requests/{id}")).StatusCode);
    }
}

public sealed class IsolationOnSqlite() : IsolationTests(DatabaseKind.Sqlite);

public sealed class IsolationOnPostgres() : IsolationTests(DatabaseKind.Postgres);
