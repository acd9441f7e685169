using Microsoft.AspNetCore.Authorization;

namespace Parley.Identity;

public static class Policies
{
    /// Officers, supervisors and hotline officers read case contents; overseers and analysts do not.
    public const string CaseReader = nameof(CaseReader);
    public const string Administrator = nameof(Administrator);
    /// Analysts and overseers read the incident register and its trends; officers and supervisors
    /// too, to link incidents to their requests. Only analysts register, import and attribute.
    public const string IncidentReader = nameof(IncidentReader);
    public const string IncidentWriter = nameof(IncidentWriter);

    public static AuthorizationBuilder AddParleyPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(CaseReader, p => p.RequireAuthenticatedUser()
            .RequireRole(nameof(Roles.Officer), nameof(Roles.Supervisor), nameof(Roles.HotlineOfficer)))
        .AddPolicy(Administrator, p => p.RequireAuthenticatedUser().RequireRole(nameof(Roles.Administrator)))
        .AddPolicy(IncidentReader, p => p.RequireAuthenticatedUser()
            .RequireRole(nameof(Roles.Analyst), nameof(Roles.Overseer), nameof(Roles.Officer), nameof(Roles.Supervisor)))
        .AddPolicy(IncidentWriter, p => p.RequireAuthenticatedUser().RequireRole(nameof(Roles.Analyst)));
}
