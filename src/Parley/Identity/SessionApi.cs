using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Parley.Data;

namespace Parley.Identity;

/// Cookie sign-in for the API: `POST /api/v1/session` with the password, then, when the answer is
/// 202, `POST …/second-factor` with a code (or `…/enrolment` and `…/enrolment/confirm` the first time).
public static class SessionApi
{
    public sealed record SignInRequest([property: Required, MaxLength(64)] string UserName, [property: Required, MaxLength(1024)] string Password);

    public sealed record CodeRequest([property: MaxLength(16)] string? Code, [property: MaxLength(32)] string? RecoveryCode);

    public sealed record PasswordChange([property: Required, MaxLength(1024)] string CurrentPassword, [property: Required, MaxLength(1024)] string NewPassword);

    public sealed record Me(Guid Id, string UserName, Guid AgencyId, Guid PartyId, IReadOnlyList<string> Roles, string? TimeZone);

    /// The password was right; `next` is "second-factor" or "enrolment".
    public sealed record NextStep(string Next);

    public sealed record EnrolmentDto(string Secret, string OtpauthUri, string QrCodeSvg);

    public sealed record EnrolledDto(Me User, IReadOnlyList<string> RecoveryCodes);

    public static RouteGroupBuilder MapSession(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/session").WithTags("Session");
        group.MapPost("/", SignInAsync).AllowAnonymous();
        group.MapPost("/second-factor", SecondFactorAsync).AllowAnonymous();
        group.MapPost("/enrolment", EnrolmentAsync).AllowAnonymous();
        group.MapPost("/enrolment/confirm", ConfirmAsync).AllowAnonymous();
        group.MapDelete("/", async (HttpContext http, Sessions sessions, CancellationToken ct) =>
        {
            await sessions.EndAsync(http, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization();
        group.MapGet("/", (ClaimsPrincipal principal) => ToMe(Actor.From(principal))).RequireAuthorization();
        group.MapPut("/password", ChangePasswordAsync).RequireAuthorization();
        return group;
    }

    private static async Task<Results<Ok<Me>, Accepted<NextStep>, ValidationProblem, ProblemHttpResult>> SignInAsync(
        SignInRequest body, SignInSteps steps, HttpContext http, CancellationToken ct)
    {
        // A body without a user name or password is a 400 naming the field, not a crash further in.
        if (Hosting.ModelValidation.Check(body) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        return await steps.PasswordAsync(http, body.UserName, body.Password, ct) switch
        {
            SignInSteps.SignedIn s => TypedResults.Ok(ToMe(Actor.From(s.Principal))),
            SignInSteps.Next n => TypedResults.Accepted((string?)null, new NextStep(n.Stage)),
            var f => Unauthorized(((SignInSteps.Failed)f).Message),
        };
    }

    private static async Task<Results<Ok<Me>, ProblemHttpResult>> SecondFactorAsync(
        CodeRequest body, SignInSteps steps, HttpContext http, CancellationToken ct) =>
        await steps.CodeAsync(http, body.Code, body.RecoveryCode, ct) switch
        {
            SignInSteps.SignedIn s => TypedResults.Ok(ToMe(Actor.From(s.Principal))),
            var f => Unauthorized(((SignInSteps.Failed)f).Message),
        };

    private static async Task<Results<Ok<EnrolmentDto>, ProblemHttpResult>> EnrolmentAsync(SignInSteps steps, HttpContext http, CancellationToken ct) =>
        await steps.EnrolmentAsync(http, ct) is { } e
            ? TypedResults.Ok(new EnrolmentDto(e.Secret, e.OtpauthUri, e.QrCodeSvg))
            : Unauthorized(SignInSteps.NoPending);

    private static async Task<Results<Ok<EnrolledDto>, ProblemHttpResult>> ConfirmAsync(
        CodeRequest body, SignInSteps steps, HttpContext http, CancellationToken ct) =>
        await steps.ConfirmEnrolmentAsync(http, body.Code ?? "", ct) switch
        {
            SignInSteps.Enrolled e => TypedResults.Ok(new EnrolledDto(ToMe(Actor.From(e.Principal)), e.RecoveryCodes)),
            var f => Unauthorized(((SignInSteps.Failed)f).Message),
        };

    /// Also ends the user's other sessions: whoever knew the old password is signed out.
    private static async Task<Results<NoContent, ValidationProblem>> ChangePasswordAsync(
        PasswordChange body, ClaimsPrincipal principal, ParleyDbContext db, Sessions sessions, CancellationToken ct)
    {
        if (Hosting.ModelValidation.Check(body) is { Count: > 0 } missing) return TypedResults.ValidationProblem(missing);
        var actor = Actor.From(principal);
        var user = await db.Users.SingleAsync(u => u.Id == actor.UserId, ct);
        if (!Passwords.Verify(user, body.CurrentPassword))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["currentPassword"] = ["The current password is wrong."] });
        if (PasswordPolicy.Check(body.NewPassword, user.UserName) is { } problem)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["newPassword"] = [problem] });
        user.PasswordHash = Passwords.Hash(user, body.NewPassword);
        await db.SaveChangesAsync(ct);
        await sessions.RevokeAllAsync(user.Id, Sessions.CurrentId(principal), ct);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult Unauthorized(string message) =>
        TypedResults.Problem(message, statusCode: 401, title: "Sign-in failed");

    private static Me ToMe(Actor a) => new(a.UserId, a.UserName, a.AgencyId, a.PartyId,
        RoleNames.ToNames(a.Roles), a.TimeZone);
}
