using Microsoft.AspNetCore.Authorization;

namespace Parley.Identity;

public static class Policies
{
    /// Officers, supervisors and hotline officers read case contents; overseers and analysts do not.
    public const string CaseReader = nameof(CaseReader);
    public const string Administrator = nameof(Administrator);

    public static AuthorizationBuilder AddParleyPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(CaseReader, p => p.RequireAuthenticatedUser()
            .RequireRole(nameof(Roles.Officer), nameof(Roles.Supervisor), nameof(Roles.HotlineOfficer)))
        .AddPolicy(Administrator, p => p.RequireAuthenticatedUser().RequireRole(nameof(Roles.Administrator)));
}
