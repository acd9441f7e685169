using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Parley.Data;

namespace Parley.Identity;

/// An administrator keeps the accounts of their own party; users of other parties are "not found".
public static class UsersApi
{
    public sealed record UserInput(string? UserName, string? DisplayName, string? PartyCode, string? AgencyCode, IReadOnlyList<string>? Roles,
        string? Email, string? Password, string? TimeZone);

    public sealed record UserDto(Guid Id, string UserName, string DisplayName, string PartyCode, string AgencyCode, IReadOnlyList<string> Roles,
        string? Email, bool LockedOut, bool SecondFactor, bool Disabled);

    public sealed record CreatedUser(UserDto User, string? GeneratedPassword);

    public static RouteGroupBuilder MapUsers(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").WithTags("Users and tokens");
        group.MapGet("/users", ListAsync).RequireAuthorization(Policies.Administrator);
        group.MapPost("/users", AddAsync).RequireAuthorization(Policies.Administrator);
        group.MapPut("/users/{id:guid}", UserChanges.PutAsync).RequireAuthorization(Policies.Administrator);
        group.MapDelete("/users/{id:guid}/second-factor", ResetSecondFactorAsync).RequireAuthorization(Policies.Administrator);
        group.MapTokens();
        return group;
    }

    public static async Task<Ok<List<UserDto>>> ListAsync(ClaimsPrincipal principal, ParleyDbContext db, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var users = await AdminScope.Users(db, Actor.From(principal)).AsNoTracking().Include(u => u.Agency!).ThenInclude(a => a.Party)
            .OrderBy(u => u.UserName).ToListAsync(ct);
        return TypedResults.Ok(users.Select(u => ToDto(u, now)).ToList());
    }

    public static async Task<Results<Created<CreatedUser>, ValidationProblem>> AddAsync(
        UserInput body, ClaimsPrincipal principal, ParleyDbContext db, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ownParty = await db.Parties.Where(p => p.Id == Actor.From(principal).PartyId).Select(p => p.Code).SingleAsync(ct);
        if (body.PartyCode is not null && !string.Equals(body.PartyCode, ownParty, StringComparison.OrdinalIgnoreCase))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["agency"] = [$"Add users to an agency of your own party, {ownParty}."] });
        var (user, password, errors) = await UserAccounts.AddAsync(db, new UserAccounts.NewUser(
            body.UserName ?? "", body.DisplayName ?? "", ownParty, body.AgencyCode ?? "", body.Roles ?? [], body.Email, body.Password, body.TimeZone), now, ct);
        if (user is null) return TypedResults.ValidationProblem(errors);
        await db.Entry(user).Reference(u => u.Agency).Query().Include(a => a.Party).LoadAsync(ct);
        return TypedResults.Created($"/api/v1/users/{user.Id}", new CreatedUser(ToDto(user, now), password));
    }

    /// A lost authenticator: the factor and recovery codes go, the user's sessions end, and the next
    /// sign-in leads to enrolment again.
    private static async Task<Results<NoContent, NotFound>> ResetSecondFactorAsync(
        Guid id, ClaimsPrincipal principal, ParleyDbContext db, SecondFactor factor, Sessions sessions, CancellationToken ct)
    {
        var user = await AdminScope.Users(db, Actor.From(principal)).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return TypedResults.NotFound();
        await factor.ResetAsync(user, ct);
        await sessions.RevokeAllAsync(user.Id, null, ct);
        return TypedResults.NoContent();
    }

    internal static UserDto ToDto(User u, DateTime now) => new(u.Id, u.UserName, u.DisplayName, u.Agency!.Party!.Code, u.Agency.Code,
        RoleNames.ToNames(u.Roles), u.Email, u.LockedUntil > now, u.HasSecondFactor, u.DisabledAt is not null);
}
