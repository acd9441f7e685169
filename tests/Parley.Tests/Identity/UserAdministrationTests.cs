using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Identity;

/// An administrator changes a user's roles and agency and disables or enables the account
/// (PUT /api/v1/users/{id}); a disabled user is shut out at once and everywhere.
public abstract class UserAdministrationTests(DatabaseKind kind) : AppTest(kind)
{
    private Task<HttpResponseMessage> PutUserAsync(string admin, string user, object body) =>
        App.As(admin).PutAsJsonAsync($"/api/v1/users/{App.Directory.Users[user]}", body);

    [Fact]
    public async Task RolesAndAgencyChange_EndTheUsersSessions_TakeEffect_AndAreAudited()
    {
        var session = await App.SignInAsync("us.officer2");
        var response = await PutUserAsync("us.admin", "us.officer2", new { roles = new[] { "officer", "analyst" }, agencyCode = "DHS" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var user = await response.ReadAsync();
        Assert.Equal(("DHS", false), (user.Str("agencyCode"), user.GetProperty("disabled").GetBoolean()));
        Assert.Equal(["officer", "analyst"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        // The cookie carried the old roles and agency: that session is over.
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/v1/requests")).StatusCode);
        // The token is read afresh on each call: the new role opens the incident register's writes.
        Assert.Equal(HttpStatusCode.Created, (await App.As("us.officer2").PostJsonAsync("/api/v1/incidents", new { title = "Pipeline intrusion", firstSeen = "2026-01" })).StatusCode);

        var audit = await (await App.As("us.admin").GetAsync($"/api/v1/audit?subject=User:{App.Directory.Users["us.officer2"]}&action=User.modified")).ReadAsync();
        var entry = Assert.Single(audit.GetProperty("items").EnumerateArray());
        Assert.Equal(("User.modified", App.Directory.Users["us.officer2"].ToString()), (entry.Str("action"), entry.Str("subjectId")));
    }

    [Fact]
    public async Task DisabledUser_CannotSignIn_LikeAWrongPassword_AndSessionsAndTokensStopAtOnce_UntilEnabled()
    {
        var session = await App.SignInAsync("us.officer2");
        var token = App.As("us.officer2");
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/requests")).StatusCode);

        var disabled = await PutUserAsync("us.admin", "us.officer2", new { disabled = true });
        Assert.True((await disabled.ReadAsync()).GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/v1/requests")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/requests")).StatusCode);

        var right = await App.Anonymous().PostJsonAsync("/api/v1/session", new { userName = "us.officer2", password = TestDirectory.Password });
        var wrong = await App.Anonymous().PostJsonAsync("/api/v1/session", new { userName = "us.officer", password = "not the password at all" });
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (right.StatusCode, wrong.StatusCode));
        Assert.Equal((await wrong.ReadAsync()).Str("detail"), (await right.ReadAsync()).Str("detail"));
        Assert.Equal(0, await App.WithDbAsync(db => db.UserSessions.CountAsync(s => s.UserId == App.Directory.Users["us.officer2"] && s.RevokedAt == null)));

        Assert.False((await (await PutUserAsync("us.admin", "us.officer2", new { disabled = false })).ReadAsync()).GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/requests")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await App.SignInAsync("us.officer2")).GetAsync("/api/v1/requests")).StatusCode);
    }

    [Fact]
    public async Task BadInput_IsA400NamingTheField_AndChangesNothing()
    {
        var before = await App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == "us.officer2"));
        var badRole = await PutUserAsync("us.admin", "us.officer2", new { roles = new[] { "pilot" }, disabled = true });
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.Equal(["roles"], (await badRole.ReadAsync()).ErrorFields());
        var foreignAgency = await PutUserAsync("us.admin", "us.officer2", new { agencyCode = "MPS" });
        Assert.Equal(["agencyCode"], (await foreignAgency.ReadAsync()).ErrorFields());
        var noRoles = await PutUserAsync("us.admin", "us.officer2", new { roles = Array.Empty<string>() });
        Assert.Equal(["roles"], (await noRoles.ReadAsync()).ErrorFields());
        var notJson = await App.As("us.admin").PutAsync($"/api/v1/users/{before.Id}", new StringContent("{\"disabled\":\"maybe\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);

        var after = await App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == "us.officer2"));
        Assert.Equal((before.Roles, before.AgencyId, before.DisabledAt), (after.Roles, after.AgencyId, after.DisabledAt));
    }

    [Fact]
    public async Task Administrator_CannotDisableThemself_NorDropTheirOwnAdministratorRole()
    {
        var disable = await PutUserAsync("us.admin", "us.admin", new { disabled = true });
        Assert.Equal(HttpStatusCode.BadRequest, disable.StatusCode);
        Assert.Equal(["disabled"], (await disable.ReadAsync()).ErrorFields());
        var demote = await PutUserAsync("us.admin", "us.admin", new { roles = new[] { "supervisor" } });
        Assert.Equal(["roles"], (await demote.ReadAsync()).ErrorFields());
        Assert.Equal(HttpStatusCode.OK, (await App.As("us.admin").GetAsync("/api/v1/users")).StatusCode);

        // Adding a role to oneself, keeping administrator, is fine.
        var more = await PutUserAsync("us.admin", "us.admin", new { roles = new[] { "administrator", "overseer" } });
        Assert.Equal(HttpStatusCode.OK, more.StatusCode);
    }

    [Fact]
    public async Task AnotherPartysAdministrator_FindsNoneOfTheUsersTokensOrSessions()
    {
        await AdminKit.AddAdministratorAsync(App, "gb.admin", "NCA");
        var session = await App.SignInAsync("us.officer2");
        var sessionId = (await (await session.GetAsync("/api/v1/sessions")).ReadAsync()).EnumerateArray().Single().Str("id");
        var token = await (await App.As("us.officer2").PostJsonAsync("/api/v1/tokens", new { name = "MISP" })).ReadAsync();
        var gb = App.As("gb.admin");

        var users = (await (await gb.GetAsync("/api/v1/users")).ReadAsync()).EnumerateArray().Select(u => u.Str("userName")).ToList();
        Assert.Equal(["gb.admin", "gb.officer", "gb.supervisor"], users);

        var seeded = await gb.PutAsJsonAsync($"/api/v1/users/{App.Directory.Users["us.officer2"]}", new { disabled = true });
        var missing = await gb.PutAsJsonAsync($"/api/v1/users/{Guid.NewGuid()}", new { disabled = true });
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (seeded.StatusCode, missing.StatusCode));
        Assert.Equal(HttpStatusCode.NotFound, (await gb.DeleteAsync($"/api/v1/tokens/{token.Str("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gb.DeleteAsync($"/api/v1/sessions/{sessionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gb.DeleteAsync($"/api/v1/users/{App.Directory.Users["us.officer2"]}/second-factor")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gb.GetAsync("/api/v1/sessions?user=us.officer2")).StatusCode);
        var created = await gb.PostJsonAsync("/api/v1/users", new { userName = "planted", displayName = "Planted", partyCode = "US", agencyCode = "FBI", roles = new[] { "administrator" } });
        Assert.Equal(["agency"], (await created.ReadAsync()).ErrorFields());

        // Nothing changed: the session and the token still work, the user is enabled.
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/requests")).StatusCode);
        var client = App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.Str("token"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/requests")).StatusCode);
        Assert.Null(await App.WithDbAsync(db => db.Users.Where(u => u.UserName == "us.officer2").Select(u => u.DisabledAt).SingleAsync()));
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "planted")));
    }
}

public sealed class UserAdministrationOnSqlite() : UserAdministrationTests(DatabaseKind.Sqlite);

public sealed class UserAdministrationOnPostgres() : UserAdministrationTests(DatabaseKind.Postgres);
