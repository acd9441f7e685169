using System.Net;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Identity;

/// TOTP for supervisors, hotline officers and administrators: two-step sign-in, enrolment, replay,
/// recovery codes, the administrator's reset, and the secret kept protected.
public abstract class SecondFactorTests(DatabaseKind kind) : AppTest(kind)
{
    private async Task<HttpClient> PasswordOnlyAsync(string user)
    {
        var client = App.CookieClient();
        var response = await client.PostJsonAsync("/api/v1/session", new { userName = user, password = TestDirectory.Password });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return client;
    }

    private static string CodeAt(string secret, DateTimeOffset at) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(at.UtcDateTime);

    [Fact]
    public async Task Supervisor_AfterThePassword_IsNotSignedIn_UntilTheCode()
    {
        var client = await PasswordOnlyAsync("us.supervisor");
        Assert.Equal("second-factor", (await (await client.PostJsonAsync("/api/v1/session", new { userName = "us.supervisor", password = TestDirectory.Password })).ReadAsync()).Str("next"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/requests")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/session")).StatusCode);

        var response = await client.PostJsonAsync("/api/v1/session/second-factor", new { code = App.TotpCode("us.supervisor") });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/requests")).StatusCode);
    }

    [Fact]
    public async Task Code_IsAcceptedOneStepEitherSide_ButNotTwo()
    {
        var secret = App.Directory.TotpSecrets["cn.hotline"];
        var now = App.Time.GetUtcNow();
        var client = await PasswordOnlyAsync("cn.hotline");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostJsonAsync("/api/v1/session/second-factor", new { code = CodeAt(secret, now.AddSeconds(-65)) })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostJsonAsync("/api/v1/session/second-factor", new { code = CodeAt(secret, now.AddSeconds(65)) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/v1/session/second-factor", new { code = CodeAt(secret, now.AddSeconds(-30)) })).StatusCode);

        var second = await PasswordOnlyAsync("cn.hotline");
        Assert.Equal(HttpStatusCode.OK, (await second.PostJsonAsync("/api/v1/session/second-factor", new { code = CodeAt(secret, now.AddSeconds(30)) })).StatusCode);
    }

    [Fact]
    public async Task UsedCode_IsRefusedTheSecondTime_AndSoIsAnOlderOne()
    {
        var secret = App.Directory.TotpSecrets["us.admin"];
        var now = App.Time.GetUtcNow();
        var first = await PasswordOnlyAsync("us.admin");
        Assert.Equal(HttpStatusCode.OK, (await first.PostJsonAsync("/api/v1/session/second-factor", new { code = CodeAt(secret, now) })).StatusCode);

        var replay = await PasswordOnlyAsync("us.admin");
        var refused = await replay.PostJsonAsync("/api/v1/session/second-factor", new { code = CodeAt(secret, now) });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("The code is wrong, expired or already used.", (await refused.ReadAsync()).Str("detail"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.PostJsonAsync("/api/v1/session/second-factor", new { code = CodeAt(secret, now.AddSeconds(-30)) })).StatusCode);

        App.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await replay.PostJsonAsync("/api/v1/session/second-factor", new { code = CodeAt(secret, App.Time.GetUtcNow()) })).StatusCode);
    }

    [Fact]
    public async Task WrongCodes_CountTowardsTheLockout()
    {
        var client = await PasswordOnlyAsync("cn.supervisor");
        for (var i = 0; i < 5; i++)
            await client.PostJsonAsync("/api/v1/session/second-factor", new { code = "000000" });
        var right = await client.PostJsonAsync("/api/v1/session/second-factor", new { code = App.TotpCode("cn.supervisor") });
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CookieClient().PostJsonAsync("/api/v1/session", new { userName = "cn.supervisor", password = TestDirectory.Password })).StatusCode);
    }

    [Fact]
    public async Task PendingStep_ExpiresAfterTenMinutes()
    {
        var client = await PasswordOnlyAsync("us.supervisor");
        App.Time.Advance(TimeSpan.FromMinutes(11));
        var response = await client.PostJsonAsync("/api/v1/session/second-factor", new { code = App.TotpCode("us.supervisor") });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Sign in with your user name and password first.", (await response.ReadAsync()).Str("detail"));
    }

    [Fact]
    public async Task Officer_WithoutAFactor_SignsInWithThePasswordAlone() =>
        Assert.Equal(HttpStatusCode.OK, (await App.CookieClient().PostJsonAsync("/api/v1/session", new { userName = "us.officer", password = TestDirectory.Password })).StatusCode);

    [Fact]
    public async Task Enrolment_AfterAReset_ShowsSecretUriAndQr_ThenTenRecoveryCodesThatWorkOnce()
    {
        var admin = await App.SignInAsync("us.admin");
        var userId = App.Directory.Users["us.supervisor"];
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/users/{userId}/second-factor")).StatusCode);

        var client = App.CookieClient();
        var first = await client.PostJsonAsync("/api/v1/session", new { userName = "us.supervisor", password = TestDirectory.Password });
        Assert.Equal("enrolment", (await first.ReadAsync()).Str("next"));
        // Nothing else opens before enrolment.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/requests")).StatusCode);

        var enrolment = await (await client.PostJsonAsync("/api/v1/session/enrolment", new { })).ReadAsync();
        var secret = enrolment.Str("secret");
        Assert.Equal($"otpauth://totp/Parley%3Aus.supervisor?secret={secret}&issuer=Parley&algorithm=SHA1&digits=6&period=30", enrolment.Str("otpauthUri"));
        Assert.StartsWith("<svg", enrolment.Str("qrCodeSvg").TrimStart().Substring(enrolment.Str("qrCodeSvg").TrimStart().IndexOf("<svg", StringComparison.Ordinal)));
        // Asking again (a reloaded page) shows the same secret, not a new one.
        Assert.Equal(secret, (await (await client.PostJsonAsync("/api/v1/session/enrolment", new { })).ReadAsync()).Str("secret"));

        var stored = await App.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == "us.supervisor"));
        Assert.DoesNotContain(secret, stored.TotpSecret!);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostJsonAsync("/api/v1/session/enrolment/confirm", new { code = "123456" == CodeAt(secret, App.Time.GetUtcNow()) ? "654321" : "123456" })).StatusCode);
        var confirmed = await client.PostJsonAsync("/api/v1/session/enrolment/confirm", new { code = CodeAt(secret, App.Time.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var codes = (await confirmed.ReadAsync()).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/requests")).StatusCode);
        var hashes = await App.WithDbAsync(db => db.RecoveryCodes.Where(c => c.UserId == userId).Select(c => c.Hash).ToListAsync());
        Assert.Equal(10, hashes.Count);
        Assert.DoesNotContain(hashes, h => codes.Any(c => System.Text.Encoding.UTF8.GetString(h).Contains(c)));

        var withRecovery = await PasswordOnlyAsync("us.supervisor");
        Assert.Equal(HttpStatusCode.OK, (await withRecovery.PostJsonAsync("/api/v1/session/second-factor", new { recoveryCode = codes[3].ToUpperInvariant() })).StatusCode);
        var again = await PasswordOnlyAsync("us.supervisor");
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.PostJsonAsync("/api/v1/session/second-factor", new { recoveryCode = codes[3] })).StatusCode);
    }

    [Fact]
    public async Task Reset_EndsTheUsersSessions_AndOnlyAdministratorsMayDoIt()
    {
        var supervisor = await App.SignInAsync("us.supervisor");
        var userId = App.Directory.Users["us.supervisor"];
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("us.officer").DeleteAsync($"/api/v1/users/{userId}/second-factor")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/api/v1/requests")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await App.As("us.admin").DeleteAsync($"/api/v1/users/{userId}/second-factor")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await supervisor.GetAsync("/api/v1/requests")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("us.admin").DeleteAsync($"/api/v1/users/{Guid.NewGuid()}/second-factor")).StatusCode);
    }
}

public sealed class SecondFactorOnSqlite() : SecondFactorTests(DatabaseKind.Sqlite);

public sealed class SecondFactorOnPostgres() : SecondFactorTests(DatabaseKind.Postgres);
