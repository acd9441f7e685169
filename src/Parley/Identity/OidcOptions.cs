namespace Parley.Identity;

/// `Oidc:Providers:{name}`: an agency's own identity provider. See README "Accounts".
public sealed class OidcOptions
{
    public Dictionary<string, OidcProvider> Providers { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class OidcProvider
{
    /// Shown on the sign-in page: "Sign in with {DisplayName}".
    public string? DisplayName { get; set; }
    public string Authority { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string? ClientSecret { get; set; }
    /// False only for a provider on plain HTTP (a test or a lab).
    public bool RequireHttpsMetadata { get; set; } = true;
    /// The party whose agencies this provider signs in.
    public string Party { get; set; } = "";
    /// Claim naming the user's agency, and its values → Parley agency codes (a value missing from
    /// the map is used as the agency code itself).
    public string AgencyClaim { get; set; } = "agency";
    public Dictionary<string, string> Agencies { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// Used when the token has no agency claim.
    public string? DefaultAgency { get; set; }
    /// Claim carrying group names, and group → Parley role ("officer", "supervisor", …).
    public string RolesClaim { get; set; } = "groups";
    public Dictionary<string, string> Roles { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public string UserNameClaim { get; set; } = "preferred_username";
    /// Create a Parley user on first sign-in; otherwise only users that already exist (same name,
    /// same agency) are matched.
    public bool CreateUsers { get; set; }
    /// Accept the provider's `amr` claim containing "mfa" or "otp" in place of Parley's own TOTP.
    public bool TrustMfaClaim { get; set; } = true;
}
