using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Parley.Data;

namespace Parley.Identity;

public static class UsersApi
{
    public sealed record UserInput(string? UserName, string? DisplayName, string? PartyCode, string? AgencyCode, IReadOnlyList<string>? Roles,
        string? Email, string? Password, string? TimeZone);

    public sealed record UserDto(Guid Id, string UserName, string DisplayName, string PartyCode, string AgencyCode, IReadOnlyList<string> Roles,
        string? Email, bool LockedOut, bool SecondFactor);

    public sealed record CreatedUser(UserDto User, string? GeneratedPassword);

    public static RouteGroupBuilder MapUsers(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").WithTags("Users and tokens");
        group.MapGet("/users", ListAsync).RequireAuthorization(Policies.Administrator);
        group.MapPost("/users", AddAsync).RequireAuthorization(Policies.Administrator);
        group.MapDelete("/users/{id:guid}/second-factor", ResetSecondFactorAsync).RequireAuthorization(Policies.Administrator);
        group.MapTokens();
        return group;
    }

    public static async Task<Ok<List<UserDto>>> ListAsync(ParleyDbContext db, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var users = await db.Users.AsNoTracking().Include(u => u.Agency!).ThenInclude(a => a.Party).OrderBy(u => u.UserName).ToListAsync(ct);
        return TypedResults.Ok(users.Select(u => ToDto(u, now)).ToList());
    }

    public static async Task<Results<Created<CreatedUser>, ValidationProblem>> AddAsync(UserInput body, ParleyDbContext db, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var (user, password, errors) = await UserAccounts.AddAsync(db, new UserAccounts.NewUser(
            body.UserName ?? "", body.DisplayName ?? "", body.PartyCode ?? "", body.AgencyCode ?? "", body.Roles ?? [], body.Email, body.Password, body.TimeZone), now, ct);
        if (user is null) return TypedResults.ValidationProblem(errors);
        await db.Entry(user).Reference(u => u.Agency).Query().Include(a => a.Party).LoadAsync(ct);
        return TypedResults.Created($"/api/v1/users/{user.Id}", new CreatedUser(ToDto(user, now), password));
    }

    /// A lost authenticator: the factor and recovery codes go, the user's sessions end, and the next
    /// sign-in leads to enrolment again.
    private static async Task<Results<NoContent, NotFound>> ResetSecondFactorAsync(
        Guid id, ParleyDbContext db, SecondFactor factor, Sessions sessions, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return TypedResults.NotFound();
        await factor.ResetAsync(user, ct);
        await sessions.RevokeAllAsync(user.Id, null, ct);
        return TypedResults.NoContent();
    }

    private static UserDto ToDto(User u, DateTime now) => new(u.Id, u.UserName, u.DisplayName, u.Agency!.Party!.Code, u.Agency.Code,
        RoleNames.ToNames(u.Roles), u.Email, u.LockedUntil > now, u.HasSecondFactor);
}
