using System.Security.Claims;

namespace Parley.Identity;

/// The signed-in user as the request handlers see it.
public sealed record Actor(Guid UserId, string UserName, Guid AgencyId, Guid PartyId, Roles Roles, string? TimeZone)
{
    public const string UserIdClaim = "parley:user";
    public const string AgencyClaim = "parley:agency";
    public const string PartyClaim = "parley:party";
    public const string RolesClaim = "parley:roles";
    public const string TimeZoneClaim = "parley:tz";

    public const string SystemName = "Parley";

    /// Parley itself (the watcher climbing an escalation): no user, no agency, shown as "Parley".
    public static readonly Actor System = new(Guid.Empty, SystemName, Guid.Empty, Guid.Empty, Roles.None, null);

    public bool Has(Roles role) => (Roles & role) != 0;

    public static Actor From(ClaimsPrincipal principal) => TryFrom(principal)
        ?? throw new InvalidOperationException("The endpoint requires an authenticated Parley user.");

    public static Actor? TryFrom(ClaimsPrincipal principal)
    {
        if (principal.FindFirstValue(UserIdClaim) is not { } id) return null;
        return new Actor(
            Guid.Parse(id),
            principal.Identity?.Name ?? "",
            Guid.Parse(principal.FindFirstValue(AgencyClaim)!),
            Guid.Parse(principal.FindFirstValue(PartyClaim)!),
            (Roles)int.Parse(principal.FindFirstValue(RolesClaim)!),
            principal.FindFirstValue(TimeZoneClaim));
    }

    public static ClaimsIdentity ToIdentity(User user, Guid partyId, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.UserName),
            new(UserIdClaim, user.Id.ToString()),
            new(AgencyClaim, user.AgencyId.ToString()),
            new(PartyClaim, partyId.ToString()),
            new(RolesClaim, ((int)user.Roles).ToString()),
        };
        foreach (var role in Enum.GetValues<Roles>().Where(r => r != Roles.None && user.Has(r)))
            claims.Add(new Claim(ClaimTypes.Role, role.ToString()));
        if (user.TimeZone is not null) claims.Add(new Claim(TimeZoneClaim, user.TimeZone));
        return new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role);
    }
}
