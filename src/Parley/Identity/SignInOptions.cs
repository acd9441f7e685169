using System.ComponentModel.DataAnnotations;

namespace Parley.Identity;

public sealed class SignInOptions
{
    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}
