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
    public DateTime CreatedAt { get; set; }

    public bool Has(Roles role) => (Roles & role) != 0;
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
}
