using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Data;

namespace Parley.Identity;

public enum SignInOutcome { Success, Failed, LockedOut }

/// Checks a password and keeps the failure count and lockout on the user.
public sealed class SignIn(ParleyDbContext db, TimeProvider time, IOptions<SignInOptions> options)
{
    public async Task<(SignInOutcome Outcome, User? User, Guid PartyId)> CheckAsync(string userName, string password, CancellationToken ct)
    {
        var user = await db.Users.Include(u => u.Agency).SingleOrDefaultAsync(u => u.UserName == userName, ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (user is null)
        {
            // Same work as for a real user, so the answer's timing does not reveal which names exist.
            Passwords.Verify(new User { UserName = "", DisplayName = "", PasswordHash = DummyHash }, password);
            return (SignInOutcome.Failed, null, default);
        }
        if (user.LockedUntil > now) return (SignInOutcome.LockedOut, null, default);
        if (!Passwords.Verify(user, password))
        {
            user.FailedSignIns++;
            if (user.FailedSignIns >= options.Value.MaxFailedAttempts)
            {
                user.LockedUntil = now + options.Value.LockoutDuration;
                user.FailedSignIns = 0;
            }
            await db.SaveChangesAsync(ct);
            return (user.LockedUntil > now ? SignInOutcome.LockedOut : SignInOutcome.Failed, null, default);
        }
        if (user.FailedSignIns != 0 || user.LockedUntil is not null)
        {
            user.FailedSignIns = 0;
            user.LockedUntil = null;
            await db.SaveChangesAsync(ct);
        }
        return (SignInOutcome.Success, user, user.Agency!.PartyId);
    }

    private static readonly string DummyHash =
        Passwords.Hash(new User { UserName = "", DisplayName = "" }, "not-a-real-password");
}
