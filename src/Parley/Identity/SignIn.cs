using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Audit;
using Parley.Data;

namespace Parley.Identity;

public enum SignInOutcome { Success, Failed, LockedOut }

/// Checks a password and keeps the failure count and lockout on the user; every attempt is audited.
public sealed class SignIn(ParleyDbContext db, TimeProvider time, IOptions<SignInOptions> options)
{
    public async Task<(SignInOutcome Outcome, User? User, Guid PartyId)> CheckAsync(string userName, string password, CancellationToken ct)
    {
        var result = await DecideAsync(userName, password, ct);
        // The attempted name is kept only as a digest: people type passwords into the wrong field.
        var attempt = new Dictionary<string, string?> { ["userName"] = userName };
        db.Audit.Record(result.Outcome switch
            {
                SignInOutcome.Success => "sign-in",
                SignInOutcome.LockedOut => "sign-in.locked-out",
                _ => "sign-in.failed",
            }, "User", result.Attempted?.Id.ToString() ?? "unknown", attempt,
            result.Outcome == SignInOutcome.Success ? AuditActor.OfUser(result.User!, result.PartyId) : AuditActor.Anonymous);
        await db.SaveChangesAsync(ct);
        return (result.Outcome, result.User, result.PartyId);
    }

    private async Task<(SignInOutcome Outcome, User? User, Guid PartyId, User? Attempted)> DecideAsync(string userName, string password, CancellationToken ct)
    {
        var user = await db.Users.Include(u => u.Agency).SingleOrDefaultAsync(u => u.UserName == userName, ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (user is null)
        {
            // Same work as for a real user, so the answer's timing does not reveal which names exist.
            Passwords.Verify(new User { UserName = "", DisplayName = "", PasswordHash = DummyHash }, password);
            return (SignInOutcome.Failed, null, default, null);
        }
        if (user.LockedUntil > now) return (SignInOutcome.LockedOut, null, default, user);
        if (!Passwords.Verify(user, password))
        {
            user.FailedSignIns++;
            if (user.FailedSignIns >= options.Value.MaxFailedAttempts)
            {
                user.LockedUntil = now + options.Value.LockoutDuration;
                user.FailedSignIns = 0;
            }
            return (user.LockedUntil > now ? SignInOutcome.LockedOut : SignInOutcome.Failed, null, default, user);
        }
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        return (SignInOutcome.Success, user, user.Agency!.PartyId, user);
    }

    private static readonly string DummyHash =
        Passwords.Hash(new User { UserName = "", DisplayName = "" }, "not-a-real-password");
}
