using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Parley.Data;

namespace Parley.Identity;

public static class SessionApi
{
    public sealed record SignInRequest([property: Required, MaxLength(64)] string UserName, [property: Required, MaxLength(1024)] string Password);

    public sealed record Me(Guid Id, string UserName, Guid AgencyId, Guid PartyId, IReadOnlyList<string> Roles, string? TimeZone);

    public static RouteGroupBuilder MapSession(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/session").WithTags("Session");
        group.MapPost("/", SignInAsync).AllowAnonymous();
        group.MapDelete("/", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.NoContent();
        }).RequireAuthorization();
        group.MapGet("/", (ClaimsPrincipal principal) => ToMe(Actor.From(principal))).RequireAuthorization();
        return group;
    }

    private static async Task<Results<Ok<Me>, ValidationProblem, ProblemHttpResult>> SignInAsync(
        SignInRequest body, SignIn signIn, HttpContext http, CancellationToken ct)
    {
        // A body without a user name or password is a 400 naming the field, not a crash further in.
        if (Hosting.ModelValidation.Check(body) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        var (outcome, user, partyId) = await signIn.CheckAsync(body.UserName, body.Password, ct);
        if (outcome == SignInOutcome.LockedOut)
            return TypedResults.Problem("Too many failed sign-ins; the account is locked for a while.", statusCode: 423, title: "Account locked");
        if (outcome != SignInOutcome.Success)
            return TypedResults.Problem("Unknown user name or wrong password.", statusCode: 401, title: "Sign-in failed");
        var identity = Actor.ToIdentity(user!, partyId, CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return TypedResults.Ok(ToMe(Actor.From(new ClaimsPrincipal(identity))));
    }

    private static Me ToMe(Actor a) => new(a.UserId, a.UserName, a.AgencyId, a.PartyId,
        RoleNames.ToNames(a.Roles), a.TimeZone);
}
