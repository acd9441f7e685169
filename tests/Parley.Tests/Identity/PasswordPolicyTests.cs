using System.Net.Http.Json;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Parley.Identity;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Identity;

/// NIST SP 800-63B: length, any characters, no composition rules, common passwords and the user name refused.
public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("lowercase only long enough")]
    [InlineData("密码是一首很长的诗歌不是吗")]
    [InlineData("   spaces   around   ")]
    [InlineData("🔐🗝️ emoji and words 2026")]
    public void Accepts_LongPassphrases_WithoutCompositionRules(string password) =>
        Assert.Null(PasswordPolicy.Check(password, "us.officer"));

    [Theory]
    [InlineData("short pass", "at least 12")]
    [InlineData("password123456", "common")]
    [InlineData("Qwerty123456!", "common")]
    [InlineData("  Baseball2026!!", "common")]
    [InlineData("monkeymonkeymonkey", "common")]
    [InlineData("aaaaaaaaaaaaaaaa", "common")]
    [InlineData("abcabcabcabc", "common")]
    [InlineData("I am us.officer, ok?", "user name")]
    [InlineData("I AM US.OFFICER, OK?", "user name")]
    public void Refuses(string password, string reason) =>
        Assert.Contains(reason, PasswordPolicy.Check(password, "us.officer"));

    [Fact]
    public void Length_IsCountedInCharactersAfterNfkc_UpTo256()
    {
        // Ten full-width letters and an e with a combining accent are eleven characters after NFKC.
        Assert.NotNull(PasswordPolicy.Check("ｑｕｉｅｔｒｉｖｅｒe\u0301", null));
        Assert.Null(PasswordPolicy.Check(new string('x', 100) + " a long sentence " + new string('y', 100), null));
        Assert.Contains("at most 256", PasswordPolicy.Check(string.Concat(Enumerable.Range(0, 300).Select(i => (char)('a' + i % 26))), null));
    }

    [Fact]
    public void FullWidthAndHalfWidth_AreTheSamePassword()
    {
        var user = new User { UserName = "x", DisplayName = "x" };
        user.PasswordHash = Passwords.Hash(user, "ｃｏｒｒｅｃｔ ｈｏｒｓｅ ｂａｔｔｅｒｙ");
        Assert.True(Passwords.Verify(user, "correct horse battery"));
    }
}

/// The policy applies wherever a password is set: the users API and a change of one's own password.
public abstract class PasswordSettingTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task UsersApi_RefusesACommonPassword_NamingTheField_AndWritesNothing()
    {
        var response = await App.As("us.admin").PostJsonAsync("/api/v1/users", new
        {
            userName = "us.new", partyCode = "US", agencyCode = "FBI", roles = new[] { "officer" }, password = "Password12345",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["password"], (await response.ReadAsync()).ErrorFields());
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "us.new")));
    }

    [Fact]
    public async Task ChangePassword_ChecksTheOldOne_AppliesThePolicy_AndEndsOtherSessions()
    {
        var client = await App.SignInAsync("us.officer");
        var other = await App.SignInAsync("us.officer");

        var wrong = await client.PutAsJsonAsync("/api/v1/session/password", new { currentPassword = "not it at all", newPassword = "a brand new passphrase" });
        Assert.Equal(["currentPassword"], (await wrong.ReadAsync()).ErrorFields());
        var weak = await client.PutAsJsonAsync("/api/v1/session/password", new { currentPassword = TestDirectory.Password, newPassword = "letmein!!!!!" });
        Assert.Equal(["newPassword"], (await weak.ReadAsync()).ErrorFields());

        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync("/api/v1/session/password",
            new { currentPassword = TestDirectory.Password, newPassword = "a brand new passphrase" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/session")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.CookieClient().PostJsonAsync("/api/v1/session", new { userName = "us.officer", password = "a brand new passphrase" })).StatusCode);
    }
}

public sealed class PasswordSettingOnSqlite() : PasswordSettingTests(DatabaseKind.Sqlite);

public sealed class PasswordSettingOnPostgres() : PasswordSettingTests(DatabaseKind.Postgres);
