using System.Security.Claims;
using Parley.Identity;

namespace Parley.Audit;

/// Who an audit entry names: a user, an API token (with its user's agency and party), Parley itself or nobody.
public sealed record AuditActor(string Type, Guid? Id, Guid? AgencyId, Guid? PartyId)
{
    public static readonly AuditActor System = new("system", null, null, null);
    public static readonly AuditActor Anonymous = new("anonymous", null, null, null);

    public static AuditActor OfUser(User user, Guid partyId) => new("user", user.Id, user.AgencyId, partyId);

    public static AuditActor From(ClaimsPrincipal principal)
    {
        if (Actor.TryFrom(principal) is not { } actor) return Anonymous;
        return Guid.TryParse(principal.FindFirstValue(TokenAuthenticationHandler.TokenIdClaim), out var tokenId)
            ? new AuditActor("token", tokenId, actor.AgencyId, actor.PartyId)
            : new AuditActor("user", actor.UserId, actor.AgencyId, actor.PartyId);
    }
}

/// The actor of the current HTTP request; Parley itself outside one (the watcher, the command line).
public sealed class AuditActors(IServiceProvider services)
{
    public AuditActor Current() =>
        services.GetService<IHttpContextAccessor>()?.HttpContext is { } http ? AuditActor.From(http.User) : AuditActor.System;
}
