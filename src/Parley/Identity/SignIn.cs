using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Audit;
using Parley.Data;

namespace Parley.Identity;

public enum SignInOutcome { Success, Failed }

/// Checks a password and keeps the failure count and lockout on the user. A locked account answers
/// exactly like a wrong password or an unknown name, so the answer does not tell which names exist.
/// Every attempt is audited; the attempted name only inside the payload's digest, since people type
/// passwords into the wrong field.
public sealed class SignIn(ParleyDbContext db, TimeProvider time, IOptions<SignInOptions> options)
{
    public const string FailedMessage = "Unknown user name or wrong password, or too many failed attempts; try again in a few minutes.";

    public async Task<(SignInOutcome Outcome, User? User)> CheckPasswordAsync(string userName, string password, CancellationToken ct)
    {
        var user = await db.Users.Include(u => u.Agency).SingleOrDefaultAsync(u => u.UserName == userName, ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (user is null)
        {
            // Same work as for a real user, so the answer's timing does not reveal which names exist.
            Passwords.Verify(new User { UserName = "", DisplayName = "", PasswordHash = DummyHash }, password);
            await AuditAsync("sign-in.failed", "unknown", userName, AuditActor.Anonymous, ct);
            return (SignInOutcome.Failed, null);
        }
        var locked = user.LockedUntil > now;
        if (!Passwords.Verify(user, password) || locked || user.DisabledAt is not null)
        {
            if (user.DisabledAt is not null) await AuditAsync("sign-in.disabled", user.Id.ToString(), userName, AuditActor.Anonymous, ct);
            else if (locked) await AuditAsync("sign-in.locked-out", user.Id.ToString(), userName, AuditActor.Anonymous, ct);
            else await RecordFailureAsync(user, ct);
            return (SignInOutcome.Failed, null);
        }
        return (SignInOutcome.Success, user);
    }

    /// Locked out, or disabled by an administrator: either way the user cannot finish signing in.
    public bool IsLocked(User user) => user.LockedUntil > time.GetUtcNow().UtcDateTime || user.DisabledAt is not null;

    /// A wrong password or a wrong second-factor code: the fifth in a row locks the account, for
    /// LockoutDuration × 2^(lockouts so far), at most LockoutCap.
    public async Task RecordFailureAsync(User user, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        user.FailedSignIns++;
        if (user.FailedSignIns >= options.Value.MaxFailedAttempts)
        {
            var factor = Math.Pow(2, Math.Min(user.Lockouts, 30));
            var duration = TimeSpan.FromTicks((long)Math.Min(options.Value.LockoutDuration.Ticks * factor, options.Value.LockoutCap.Ticks));
            user.LockedUntil = now + duration;
            user.Lockouts++;
            user.FailedSignIns = 0;
        }
        db.Audit.Record("sign-in.failed", "User", user.Id.ToString(), new Dictionary<string, string?> { ["userName"] = user.UserName }, AuditActor.Anonymous);
        await db.SaveChangesAsync(ct);
    }

    /// The whole sign-in succeeded (password and, where needed, second factor).
    public async Task RecordSuccessAsync(User user, CancellationToken ct)
    {
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        user.Lockouts = 0;
        var partyId = user.Agency?.PartyId ?? await db.Agencies.Where(a => a.Id == user.AgencyId).Select(a => a.PartyId).SingleAsync(ct);
        db.Audit.Record("sign-in", "User", user.Id.ToString(), null, AuditActor.OfUser(user, partyId));
        await db.SaveChangesAsync(ct);
    }

    private static readonly string DummyHash =
        Passwords.Hash(new User { UserName = "", DisplayName = "" }, "not-a-real-password");

    private async Task AuditAsync(string action, string subjectId, string attemptedName, AuditActor actor, CancellationToken ct)
    {
        db.Audit.Record(action, "User", subjectId, new Dictionary<string, string?> { ["userName"] = attemptedName }, actor);
        await db.SaveChangesAsync(ct);
    }
}
