using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Directory;
using Parley.Identity;

namespace Parley.Escalation;

/// GET and PUT /api/v1/mechanisms/{id}/escalation-ladder ({id} is the mechanism's id or code).
public static class LadderApi
{
    public const int MaxLevels = 10;
    public const int MaxName = 200;
    public static readonly TimeSpan MaxAcknowledgeWithin = TimeSpan.FromDays(30);

    public sealed record LevelDto(int Level, string Name, IReadOnlyList<string> Notify, TimeSpan AcknowledgeWithin);

    public sealed record LadderDto(string Mechanism, IReadOnlyList<LevelDto> Levels);

    public sealed record LevelInput(int? Level, string? Name, IReadOnlyList<string>? Notify, TimeSpan? AcknowledgeWithin);

    public sealed record LadderInput(IReadOnlyList<LevelInput>? Levels);

    public static RouteGroupBuilder MapEscalationLadder(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/mechanisms").WithTags("Escalations");
        group.MapGet("/{id}/escalation-ladder", GetAsync);
        group.MapPut("/{id}/escalation-ladder", PutAsync).RequireAuthorization(Policies.Administrator);
        return group;
    }

    /// Any user of a party of the mechanism reads its ladder; anyone else gets a 404.
    private static async Task<Results<Ok<LadderDto>, NotFound>> GetAsync(
        string id, ClaimsPrincipal principal, ParleyDbContext db, DirectoryCache directory, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var mechanism = Find(await directory.GetAsync(db, ct), id);
        if (mechanism is null || !AdminScope.IsMember(mechanism, actor)) return TypedResults.NotFound();
        return TypedResults.Ok(ToDto(mechanism, await EscalationLadder.ForAsync(db, mechanism.Id, ct)));
    }

    /// Replaces the ladder; only an administrator of a party of the mechanism does. Open escalations keep
    /// their rung and deadline and climb on the new ladder.
    public static async Task<Results<Ok<LadderDto>, NotFound, ValidationProblem>> PutAsync(
        string id, LadderInput body, ClaimsPrincipal principal, ParleyDbContext db, DirectoryCache directory, CancellationToken ct)
    {
        var mechanism = Find(await directory.GetAsync(db, ct), id);
        if (mechanism is null || !AdminScope.IsMember(mechanism, Actor.From(principal))) return TypedResults.NotFound();
        var errors = Validate(body);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        // Rows are updated in place per rung, so the (mechanism, level) unique index never sees two rows at once.
        var stored = await db.EscalationLevels.Where(l => l.MechanismId == mechanism.Id).ToDictionaryAsync(l => l.Level, ct);
        foreach (var input in body.Levels!)
        {
            RoleNames.TryParse(input.Notify!, out var roles);
            if (!stored.Remove(input.Level!.Value, out var level))
                db.EscalationLevels.Add(level = new EscalationLevel { Id = Guid.CreateVersion7(), MechanismId = mechanism.Id, Level = input.Level.Value, Name = "" });
            level.Name = input.Name!.Trim();
            level.Notify = roles;
            level.AcknowledgeWithin = input.AcknowledgeWithin!.Value;
        }
        db.EscalationLevels.RemoveRange(stored.Values);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(mechanism, await EscalationLadder.ForAsync(db, mechanism.Id, ct)));
    }

    private static Dictionary<string, string[]> Validate(LadderInput body)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.Levels is not { Count: > 0 } levels || levels.Count > MaxLevels)
        {
            errors["levels"] = [$"levels holds 1 to {MaxLevels} rungs."];
            return errors;
        }
        for (var i = 0; i < levels.Count; i++)
        {
            var input = levels[i];
            var at = $"levels[{i}]";
            if (input is null)
            {
                errors[at] = ["Each rung is an object."];
                continue;
            }
            if (input.Level is not { } n || n < 1 || n > levels.Count || levels.Count(l => l?.Level == n) > 1)
                errors[$"{at}.level"] = [$"Rungs are numbered 1 to {levels.Count}, each once."];
            if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > MaxName)
                errors[$"{at}.name"] = ["name is 1–200 characters."];
            if (input.Notify is not { Count: > 0 } notify || !RoleNames.TryParse(notify, out var roles) || (roles & ~EscalationLadder.Handlers) != 0)
                errors[$"{at}.notify"] = ["notify is one or more of officer, supervisor, hotline-officer."];
            if (input.AcknowledgeWithin is not { } within || within <= TimeSpan.Zero || within > MaxAcknowledgeWithin)
                errors[$"{at}.acknowledgeWithin"] = ["acknowledgeWithin is a positive time span of at most 30 days, e.g. \"04:00:00\"."];
        }
        return errors;
    }

    private static Mechanism? Find(DirectoryCache.DirectorySnapshot dir, string id) =>
        Guid.TryParse(id, out var guid)
            ? dir.Mechanisms.GetValueOrDefault(guid)
            : dir.Mechanisms.Values.FirstOrDefault(m => string.Equals(m.Code, id, StringComparison.OrdinalIgnoreCase));

    private static LadderDto ToDto(Mechanism m, IEnumerable<EscalationLevel> levels) =>
        new(m.Code, levels.Select(l => new LevelDto(l.Level, l.Name, RoleNames.ToNames(l.Notify), l.AcknowledgeWithin)).ToList());
}
