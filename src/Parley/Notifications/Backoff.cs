namespace Parley.Notifications;

/// Exponential back-off with jitter: base, 2×base, 4×base … up to the cap, each spread by ± the jitter share.
public static class Backoff
{
    /// The wait after the given number of failed attempts (1 = after the first failure). random01 is in [0, 1).
    public static TimeSpan Delay(int failures, NotificationSenderOptions options, double random01)
    {
        var exponential = options.BackoffBase.TotalMilliseconds * Math.Pow(2, Math.Clamp(failures - 1, 0, 40));
        var capped = Math.Min(exponential, options.BackoffCap.TotalMilliseconds);
        var spread = 1 + options.BackoffJitter * (2 * random01 - 1);
        return TimeSpan.FromMilliseconds(Math.Max(1, Math.Round(capped * spread)));
    }
}
