namespace Parley.Identity;

/// A signed-in browser or API cookie: the cookie carries only this record's id, so a session can be
/// listed, revoked, and expire on the server (idle and absolute limits in <see cref="SignInOptions"/>).
public sealed class UserSession
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public User? User { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    /// How the user proved who they are, e.g. "password+totp", "password+recovery-code", "oidc:agency".
    public required string Method { get; set; }
    public string? UserAgent { get; set; }
}

/// One of the ten single-use codes a user gets at TOTP enrolment; only its SHA-256 is kept.
public sealed class RecoveryCode
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required byte[] Hash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? UsedAt { get; set; }
}
