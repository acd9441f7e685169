using System.Security.Claims;

namespace Parley.Identity;

/// Signing in as the API and the pages both do it: password, then (for the roles that need it, or
/// anyone enrolled) a TOTP or recovery code, or enrolment for one who has no factor yet.
public sealed class SignInSteps(SignIn signIn, SecondFactor factor, Sessions sessions)
{
    public const string WrongCode = "The code is wrong, expired or already used.";
    public const string NoPending = "Sign in with your user name and password first.";

    public abstract record Step;
    public sealed record Failed(string Message) : Step;
    public sealed record SignedIn(ClaimsPrincipal Principal) : Step;
    /// The password was right; <see cref="Sessions.StageSecondFactor"/> or <see cref="Sessions.StageEnrolment"/> is next.
    public sealed record Next(string Stage) : Step;
    public sealed record Enrolled(ClaimsPrincipal Principal, IReadOnlyList<string> RecoveryCodes) : Step;

    public async Task<Step> PasswordAsync(HttpContext http, string userName, string password, CancellationToken ct)
    {
        var (outcome, user) = await signIn.CheckPasswordAsync(userName.Trim(), password, ct);
        if (outcome != SignInOutcome.Success) return new Failed(SignIn.FailedMessage);
        if (SecondFactor.IsNeeded(user!)) return new Next(await Sessions.BeginPendingAsync(http, user!));
        await signIn.RecordSuccessAsync(user!, ct);
        return new SignedIn(await sessions.StartAsync(http, user!, "password", ct));
    }

    public async Task<Step> CodeAsync(HttpContext http, string? code, string? recoveryCode, CancellationToken ct)
    {
        if (await sessions.PendingAsync(http, ct) is not ({ } user, Sessions.StageSecondFactor)) return new Failed(NoPending);
        if (signIn.IsLocked(user)) return new Failed(SignIn.FailedMessage);
        var method = recoveryCode is { Length: > 0 } ? "password+recovery-code" : "password+totp";
        var accepted = recoveryCode is { Length: > 0 }
            ? await factor.AcceptRecoveryCodeAsync(user, recoveryCode, ct)
            : code is { Length: > 0 } && await factor.AcceptCodeAsync(user, code, ct);
        if (!accepted)
        {
            await signIn.RecordFailureAsync(user, ct);
            return new Failed(WrongCode);
        }
        await signIn.RecordSuccessAsync(user, ct);
        return new SignedIn(await sessions.StartAsync(http, user, method, ct));
    }

    /// The secret to enter in an authenticator app; null when no enrolment is pending.
    public async Task<SecondFactor.Enrolment?> EnrolmentAsync(HttpContext http, CancellationToken ct)
    {
        if (await sessions.PendingAsync(http, ct) is not ({ } user, Sessions.StageEnrolment)) return null;
        return factor.Pending(user) ?? await factor.BeginAsync(user, ct);
    }

    public async Task<Step> ConfirmEnrolmentAsync(HttpContext http, string code, CancellationToken ct)
    {
        if (await sessions.PendingAsync(http, ct) is not ({ } user, Sessions.StageEnrolment)) return new Failed(NoPending);
        if (signIn.IsLocked(user)) return new Failed(SignIn.FailedMessage);
        var codes = await factor.ConfirmAsync(user, code, ct);
        if (codes is null)
        {
            await signIn.RecordFailureAsync(user, ct);
            return new Failed(WrongCode);
        }
        await signIn.RecordSuccessAsync(user, ct);
        return new Enrolled(await sessions.StartAsync(http, user, "password+totp", ct), codes);
    }
}
