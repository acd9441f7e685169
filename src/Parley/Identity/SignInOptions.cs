using System.ComponentModel.DataAnnotations;

namespace Parley.Identity;

public sealed class SignInOptions
{
    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;
    /// The first lockout; each further lockout without a successful sign-in in between doubles it.
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(1);
    /// The longest a lockout grows to.
    public TimeSpan LockoutCap { get; set; } = TimeSpan.FromHours(1);
    /// Absolute session lifetime: a session ends this long after sign-in, however busy.
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
    /// A session unused this long ends.
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
    /// Time between the password and the second factor (or enrolment).
    public TimeSpan SecondStepWithin { get; set; } = TimeSpan.FromMinutes(10);
}
