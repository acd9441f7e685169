using Parley.Directory;

namespace Parley.Identity;

[Flags]
public enum Roles
{
    None = 0,
    Officer = 1,
    Supervisor = 2,
    HotlineOfficer = 4,
    Overseer = 8,
    Analyst = 16,
    Administrator = 32,
}

public sealed class User
{
    public Guid Id { get; set; }
    public required string UserName { get; set; }
    public required string DisplayName { get; set; }
    public string? Email { get; set; }
    public Guid AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public Roles Roles { get; set; }
    /// IANA zone the user reads times in; defaults to the party's.
    public string? TimeZone { get; set; }
    /// The language of the pages ("en", "zh-Hans"); null follows the browser.
    public string? Language { get; set; }
    public string PasswordHash { get; set; } = "";
    public int FailedSignIns { get; set; }
    public DateTime? LockedUntil { get; set; }
    /// Lockouts in a row without a successful sign-in; each doubles the next lockout.
    public int Lockouts { get; set; }
    /// The TOTP secret, protected with ASP.NET Core Data Protection; set at enrolment start.
    public string? TotpSecret { get; set; }
    /// When the user proved the authenticator works; until then the factor is not enrolled.
    public DateTime? TotpEnrolledAt { get; set; }
    /// The last 30-second step whose code was accepted: that code and older ones are refused.
    public long? TotpLastStep { get; set; }
    /// "{provider}|{subject}" for a user who signs in through an agency's OpenID Connect provider.
    public string? ExternalLogin { get; set; }
    public DateTime CreatedAt { get; set; }
    /// When an administrator disabled the account; null while it is in use. A disabled user cannot sign
    /// in and their API tokens are refused until an administrator enables the account again.
    public DateTime? DisabledAt { get; set; }

    public bool Has(Roles role) => (Roles & role) != 0;

    public bool HasSecondFactor => TotpEnrolledAt is not null;
}

public sealed class ApiToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public User? User { get; set; }
    public required string Name { get; set; }
    /// First characters of the token, shown in listings so a holder can tell tokens apart.
    public required string Prefix { get; set; }
    /// SHA-256 of the whole token; the token itself is shown once and never stored.
    public required byte[] Hash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public TokenScopes Scopes { get; set; } = TokenScopes.All;
}
