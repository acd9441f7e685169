using System.Net;
using Microsoft.EntityFrameworkCore;
using Parley.Tests.Infrastructure;
using Parley.Tests.Requests;

namespace Parley.Tests.Identity;

/// API tokens: scopes (read / write / taxii / admin) on top of the roles, revocation, expiry, last use.
public abstract class TokenScopeTests(DatabaseKind kind) : AppTest(kind)
{
    private async Task<HttpClient> TokenClientAsync(string user, params string[] scopes)
    {
        var created = await App.As(user).PostJsonAsync("/api/v1/tokens", new { name = "scoped", scopes });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var client = App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await created.ReadAsync()).Str("token"));
        return client;
    }

    [Fact]
    public async Task ReadOnlyToken_Reads_ButAWriteIs403NamingTheScope_AndNothingIsWritten()
    {
        var client = await TokenClientAsync("us.officer", "read");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/requests")).StatusCode);
        var response = await client.PostJsonAsync("/api/v1/requests", RequestBodies.Valid());
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.ReadAsync();
        Assert.Contains("'write'", problem.Str("detail"));
        Assert.Equal(["write"], problem.GetProperty("missingScopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(0, await App.WithDbAsync(db => db.Requests.CountAsync()));
    }

    [Fact]
    public async Task Taxii_NeedsTheTaxiiScope()
    {
        var withoutTaxii = await TokenClientAsync("us.officer", "read", "write");
        withoutTaxii.DefaultRequestHeaders.Accept.ParseAdd("application/taxii+json;version=2.1");
        var refused = await withoutTaxii.GetAsync("/taxii2/");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("'taxii'", (await refused.ReadAsync()).Str("description"));
        var taxii = await TokenClientAsync("us.officer", "taxii");
        taxii.DefaultRequestHeaders.Accept.ParseAdd("application/taxii+json;version=2.1");
        Assert.Equal(HttpStatusCode.OK, (await taxii.GetAsync("/taxii2/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await taxii.GetAsync("/api/v1/requests")).StatusCode);
    }

    [Fact]
    public async Task AdminEndpoints_NeedTheAdminScope_WhichOnlyAdministratorsGet()
    {
        var noAdmin = await TokenClientAsync("us.admin", "read", "write");
        Assert.Equal(HttpStatusCode.Forbidden, (await noAdmin.GetAsync("/api/v1/users")).StatusCode);
        var admin = await TokenClientAsync("us.admin", "read", "admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/users")).StatusCode);

        var refused = await App.As("us.officer").PostJsonAsync("/api/v1/tokens", new { name = "x", scopes = new[] { "admin" } });
        Assert.Equal(["scopes"], (await refused.ReadAsync()).ErrorFields());
        var unknown = await App.As("us.officer").PostJsonAsync("/api/v1/tokens", new { name = "x", scopes = new[] { "root" } });
        Assert.Equal(["scopes"], (await unknown.ReadAsync()).ErrorFields());
    }

    [Fact]
    public async Task SeededAndDefaultTokens_HaveEveryScopeTheRoleAllows()
    {
        var officer = await (await App.As("us.officer").GetAsync("/api/v1/tokens")).ReadAsync();
        Assert.Equal(["read", "write", "taxii"], officer[0].GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        var admin = await (await App.As("us.admin").GetAsync("/api/v1/tokens")).ReadAsync();
        Assert.Equal(["read", "write", "taxii", "admin"], admin[0].GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Revoke_ByOwnerOrAdministrator_StopsTheTokenAtOnce()
    {
        var created = await (await App.As("us.officer").PostJsonAsync("/api/v1/tokens", new { name = "MISP" })).ReadAsync();
        var client = App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", created.Str("token"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/requests")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await App.As("cn.officer").DeleteAsync($"/api/v1/tokens/{created.Str("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/requests")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await App.As("us.officer").DeleteAsync($"/api/v1/tokens/{created.Str("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/requests")).StatusCode);

        var colleague = await (await App.As("us.officer2").PostJsonAsync("/api/v1/tokens", new { name = "OpenCTI" })).ReadAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await App.As("us.admin").DeleteAsync($"/api/v1/tokens/{colleague.Str("id")}")).StatusCode);
        // An administrator of another party does not see it: "not found", and the token keeps working.
        var foreign = await (await App.As("cn.officer").PostJsonAsync("/api/v1/tokens", new { name = "OpenCTI" })).ReadAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("us.admin").DeleteAsync($"/api/v1/tokens/{foreign.Str("id")}")).StatusCode);
        var cnClient = App.Anonymous();
        cnClient.DefaultRequestHeaders.Authorization = new("Bearer", foreign.Str("token"));
        Assert.Equal(HttpStatusCode.OK, (await cnClient.GetAsync("/api/v1/requests")).StatusCode);
    }

    [Fact]
    public async Task RevokedByAnotherProcess_IsRefused_OnceTheRememberedVerificationLapses()
    {
        var created = await (await App.As("us.officer").PostJsonAsync("/api/v1/tokens", new { name = "MISP" })).ReadAsync();
        var client = App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", created.Str("token"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/requests")).StatusCode);

        // What `parley token revoke` does from its own process: a write this server does not see.
        var id = Guid.Parse(created.Str("id"));
        var now = App.Time.GetUtcNow().UtcDateTime;
        await App.WithDbAsync(db => db.ApiTokens.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now)));
        App.Time.Advance(Parley.Identity.VerifiedTokens.Lifetime);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/requests")).StatusCode);
    }

    [Fact]
    public async Task Token_Expired_OrForged_IsRefused()
    {
        var created = await App.As("us.officer").PostJsonAsync("/api/v1/tokens", new { name = "MISP", daysValid = 1 });
        var client = App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await created.ReadAsync()).Str("token"));
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
        var stored = await App.WithDbAsync(db => db.ApiTokens.SingleAsync(t => t.Name == "OpenCTI"));
        Assert.Equal(Parley.Identity.ApiTokens.Hash(secret), stored.Hash);
        Assert.DoesNotContain(secret[10..], stored.Prefix);
    }

    [Fact]
    public async Task LastUse_IsRecorded_AtMostOnceAMinute()
    {
        var client = App.As("us.officer");
        var id = App.Directory.Users["us.officer"];
        Task<DateTime?> LastUseAsync() => App.WithDbAsync(db => db.ApiTokens.Where(t => t.UserId == id).Select(t => t.LastUsedAt).SingleAsync());
        var start = App.Time.GetUtcNow().UtcDateTime;

        await client.GetAsync("/api/v1/requests");
        Assert.Equal(start, await LastUseAsync());
        App.Time.Advance(TimeSpan.FromSeconds(59));
        await client.GetAsync("/api/v1/requests");
        Assert.Equal(start, await LastUseAsync());
        App.Time.Advance(TimeSpan.FromSeconds(1));
        await client.GetAsync("/api/v1/requests");
        Assert.Equal(start.AddMinutes(1), await LastUseAsync());
    }
}

public sealed class TokenScopeOnSqlite() : TokenScopeTests(DatabaseKind.Sqlite);

public sealed class TokenScopeOnPostgres() : TokenScopeTests(DatabaseKind.Postgres);
