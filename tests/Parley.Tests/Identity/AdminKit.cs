using Microsoft.EntityFrameworkCore;
using Parley.Identity;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Identity;

/// Administrators that TestDirectory does not seed (GB and CN have none), added the way it adds its
/// users: the test password, an enrolled second factor and an API token, so that App.As and
/// PageClient.SignInAsync work for them.
public static class AdminKit
{
    public static async Task AddAdministratorAsync(TestApp app, string userName, string agency)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Parley.Data.ParleyDbContext>();
        var factor = scope.ServiceProvider.GetRequiredService<SecondFactor>();
        var now = app.Time.GetUtcNow().UtcDateTime;
        var secret = OtpNet.Base32Encoding.ToString(OtpNet.KeyGeneration.GenerateRandomKey(20));
        var user = new User
        {
            Id = Guid.NewGuid(), UserName = userName, DisplayName = userName, Email = TestDirectory.EmailOf(userName),
            AgencyId = app.Directory.Agencies[agency], Roles = Roles.Administrator, CreatedAt = now, TotpSecret = factor.Protect(secret), TotpEnrolledAt = now,
        };
        user.PasswordHash = Passwords.Hash(user, TestDirectory.Password);
        db.Users.Add(user);
        db.ApiTokens.Add(ApiTokens.Create(user, "tests", now, TimeSpan.FromDays(3650), out var token));
        await db.SaveChangesAsync();
        app.Directory.Tokens[userName] = token;
        app.Directory.TotpSecrets[userName] = secret;
        app.Directory.Users[userName] = user.Id;
        LogCapture.Secret(token);
        LogCapture.Secret(secret);
    }
}
