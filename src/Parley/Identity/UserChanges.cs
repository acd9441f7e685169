using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Parley.Data;

namespace Parley.Identity;

/// PUT /api/v1/users/{id}: an administrator changes a user's roles or agency (within their own party),
/// or disables and enables the account. Fields left out stay as they are.
public static class UserChanges
{
    public sealed record UserUpdate(IReadOnlyList<string>? Roles, string? AgencyCode, bool? Disabled);

    public const string OwnAccountDisabled = "You cannot disable your own account: another administrator of your party can.";
    public const string OwnAdministratorRole = "You cannot remove your own administrator role: another administrator of your party can.";

    /// A change of roles or agency ends the user's sessions, whose cookies carry the old ones; disabling
    /// ends them too, and the user's API tokens are refused while the account is disabled.
    public static async Task<Results<Ok<UsersApi.UserDto>, NotFound, ValidationProblem>> PutAsync(
        Guid id, UserUpdate body, ClaimsPrincipal principal, ParleyDbContext db, Sessions sessions, VerifiedTokens verified, TimeProvider time, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        // Looked up before the body is judged, so that another party's user is a plain 404.
        var user = await AdminScope.Users(db, actor).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return TypedResults.NotFound();

        var errors = new Dictionary<string, string[]>();
        var roles = user.Roles;
        if (body.Roles is not null && !RoleNames.TryParse(body.Roles, out roles))
            errors["roles"] = [$"roles are one or more of {string.Join(", ", RoleNames.All)}."];
        var agencyId = user.AgencyId;
        if (body.AgencyCode is not null)
        {
            var agency = await db.Agencies.Where(a => a.PartyId == actor.PartyId && a.Code == body.AgencyCode).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(ct);
            if (agency is null) errors["agencyCode"] = [$"Your party has no agency '{body.AgencyCode}'."];
            else agencyId = agency.Value;
        }
        if (user.Id == actor.UserId)
        {
            if (body.Disabled == true) errors["disabled"] = [OwnAccountDisabled];
            if (!errors.ContainsKey("roles") && (roles & Roles.Administrator) == 0) errors["roles"] = [OwnAdministratorRole];
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var now = time.GetUtcNow().UtcDateTime;
        var endSessions = roles != user.Roles || agencyId != user.AgencyId || (body.Disabled == true && user.DisabledAt is null);
        user.Roles = roles;
        user.AgencyId = agencyId;
        if (body.Disabled == true) user.DisabledAt ??= now;
        else if (body.Disabled == false) user.DisabledAt = null;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            if (endSessions) await sessions.RevokeAllAsync(user.Id, null, ct);
            await tx.CommitAsync(ct);
        }
        verified.Forget();
        var saved = await db.Users.AsNoTracking().Include(u => u.Agency!).ThenInclude(a => a.Party).SingleAsync(u => u.Id == id, ct);
        return TypedResults.Ok(UsersApi.ToDto(saved, now));
    }
}
