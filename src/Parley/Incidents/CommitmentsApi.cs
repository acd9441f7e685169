using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Directory;
using Parley.Hosting;
using Parley.Identity;

namespace Parley.Incidents;

/// /api/v1/mechanisms/{id}/commitments: the norms a mechanism's parties committed to. {id} is the
/// mechanism's id or its code (US-CN). Incident readers read them; administrators add them.
public static class CommitmentsApi
{
    public sealed record CommitmentInput(
        [property: Required, StringLength(64, MinimumLength = 1), RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "code is lower-case words joined by hyphens, e.g. no-ip-theft.")] string? Code,
        [property: Required, StringLength(IncidentLimits.Title, MinimumLength = 1)] string? Text,
        [property: StringLength(IncidentLimits.Description)] string? Description);

    public sealed record CommitmentDto(Guid Id, string Code, string Text, string? Description);

    public static void MapCommitments(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/mechanisms/{id}/commitments").WithTags("Incidents");
        // Each endpoint its own policy: policies on a group and an endpoint must both hold.
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.IncidentReader);
        group.MapPost("/", AddAsync).RequireAuthorization(Policies.Administrator);
    }

    private static async Task<Results<Ok<List<CommitmentDto>>, NotFound>> ListAsync(string id, ParleyDbContext db, CancellationToken ct)
    {
        var mechanism = await FindMechanismAsync(db, id, ct);
        if (mechanism is null) return TypedResults.NotFound();
        var list = await db.Commitments.AsNoTracking().Where(c => c.MechanismId == mechanism.Id).OrderBy(c => c.Code)
            .Select(c => new CommitmentDto(c.Id, c.Code, c.Text, c.Description)).ToListAsync(ct);
        return TypedResults.Ok(list);
    }

    /// An administrator adds to the mechanisms of their own party only; any other is as missing as one that does not exist.
    private static async Task<Results<Created<CommitmentDto>, NotFound, ValidationProblem, ProblemHttpResult>> AddAsync(
        string id, CommitmentInput body, ClaimsPrincipal principal, ParleyDbContext db, TimeProvider time, CancellationToken ct)
    {
        var mechanism = await FindMechanismAsync(db.Mechanisms.WithMember(Actor.From(principal).PartyId), id, ct);
        if (mechanism is null) return TypedResults.NotFound();
        var errors = ModelValidation.Check(body);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (await db.Commitments.AnyAsync(c => c.MechanismId == mechanism.Id && c.Code == body.Code, ct))
            return TypedResults.Problem($"The mechanism already has a commitment '{body.Code}'.", statusCode: 409, title: "Already registered");
        var commitment = new Commitment
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()), MechanismId = mechanism.Id, Code = body.Code!, Text = body.Text!.Trim(), Description = body.Description?.Trim(),
        };
        db.Commitments.Add(commitment);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/mechanisms/{mechanism.Code}/commitments",
            new CommitmentDto(commitment.Id, commitment.Code, commitment.Text, commitment.Description));
    }

    public static Task<Mechanism?> FindMechanismAsync(ParleyDbContext db, string idOrCode, CancellationToken ct) =>
        FindMechanismAsync(db.Mechanisms, idOrCode, ct);

    private static Task<Mechanism?> FindMechanismAsync(IQueryable<Mechanism> mechanisms, string idOrCode, CancellationToken ct) =>
        Guid.TryParse(idOrCode, out var id)
            ? mechanisms.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct)
            : mechanisms.AsNoTracking().SingleOrDefaultAsync(m => m.Code == idOrCode, ct);
}
