using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Parley.Data;

namespace Parley.Identity;

public static class UsersApi
{
    public sealed record UserInput(string? UserName, string? DisplayName, string? PartyCode, string? AgencyCode, IReadOnlyList<string>? Roles,
        string? Email, string? Password, string? TimeZone);

    public sealed record UserDto(Guid Id, string UserName, string DisplayName, string PartyCode, string AgencyCode, IReadOnlyList<string> Roles, string? Email, bool LockedOut);

    public sealed record CreatedUser(UserDto User, string? GeneratedPassword);

    public sealed record TokenInput(string? Name, int? DaysValid);

    public sealed record CreatedToken(Guid Id, string Name, string Token, DateTime ExpiresAt);

    public static RouteGroupBuilder MapUsers(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").WithTags("Users and tokens");
        group.MapGet("/users", ListAsync).RequireAuthorization(Policies.Administrator);
        group.MapPost("/users", AddAsync).RequireAuthorization(Policies.Administrator);
        group.MapPost("/tokens", CreateTokenAsync);
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

    /// A token for the caller; the secret is in this response and nowhere else.
    public static async Task<Results<Created<CreatedToken>, ValidationProblem>> CreateTokenAsync(
        TokenInput body, ClaimsPrincipal principal, ParleyDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 100)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["name is 1–100 characters."] });
        if (body.DaysValid is < 1 or > 366)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["daysValid"] = ["daysValid is between 1 and 366."] });
        var actor = Actor.From(principal);
        var user = await db.Users.SingleAsync(u => u.Id == actor.UserId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var lifetime = TimeSpan.FromDays(body.DaysValid ?? 90);
        var (token, secret) = await UserAccounts.CreateTokenAsync(db, user, body.Name, lifetime, now, ct);
        return TypedResults.Created($"/api/v1/tokens/{token.Id}", new CreatedToken(token.Id, token.Name, secret, token.ExpiresAt));
    }

    private static UserDto ToDto(User u, DateTime now) => new(u.Id, u.UserName, u.DisplayName, u.Agency!.Party!.Code, u.Agency.Code,
        RoleNames.ToNames(u.Roles), u.Email, u.LockedUntil > now);
}
