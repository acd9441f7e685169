namespace Parley.Limits;

/// `RateLimits:…` in configuration. Every caller has a token bucket: it may spend `TokenLimit`
/// requests at once and gets `TokensPerPeriod` back every `ReplenishmentPeriod`.
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    /// Per API token (machines: MISP/OpenCTI syncs, scripts).
    public BucketOptions PerToken { get; set; } = new() { TokenLimit = 600, TokensPerPeriod = 100, ReplenishmentPeriod = TimeSpan.FromSeconds(10) };

    /// Per signed-in user (a browser session).
    public BucketOptions PerUser { get; set; } = new() { TokenLimit = 300, TokensPerPeriod = 50, ReplenishmentPeriod = TimeSpan.FromSeconds(10) };

    /// Per client address for calls without credentials (TAXII discovery, the communication-check link, pages before sign-in).
    public BucketOptions PerAddress { get; set; } = new() { TokenLimit = 60, TokensPerPeriod = 10, ReplenishmentPeriod = TimeSpan.FromSeconds(10) };

    /// Sign-in attempts per client address, on top of the above (password guessing).
    public BucketOptions SignIn { get; set; } = new() { TokenLimit = 10, TokensPerPeriod = 5, ReplenishmentPeriod = TimeSpan.FromMinutes(1) };
}

public sealed class BucketOptions
{
    public int TokenLimit { get; set; }
    public int TokensPerPeriod { get; set; }
    public TimeSpan ReplenishmentPeriod { get; set; }
}
