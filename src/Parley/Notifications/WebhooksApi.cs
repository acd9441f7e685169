using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Hosting;
using Parley.Identity;

namespace Parley.Notifications;

/// Administrators register the webhooks of their own party's agencies. Deleting one deactivates it (the
/// delivery log still refers to it) and gives up its pending deliveries.
public static partial class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooks(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/webhooks").WithTags("Notifications").RequireAuthorization(Policies.Administrator);
        group.MapGet("/", async (ClaimsPrincipal user, ParleyDbContext db, CancellationToken ct) =>
        {
            var agencies = await AdminScope.AgenciesAsync(db, Actor.From(user), ct);
            var hooks = await db.Webhooks.AsNoTracking().Where(w => w.Active && agencies.Contains(w.AgencyId)).OrderBy(w => w.CreatedAt).ToListAsync(ct);
            return TypedResults.Ok(hooks.Select(NotificationMapping.ToDto).ToList());
        });
        group.MapGet("/{id:guid}", async Task<Results<Ok<WebhookDto>, NotFound>> (Guid id, ClaimsPrincipal user, ParleyDbContext db, CancellationToken ct) =>
            await FindAsync(db, id, Actor.From(user), ct) is { } hook ? TypedResults.Ok(NotificationMapping.ToDto(hook)) : TypedResults.NotFound());
        group.MapPost("/", CreateAsync);
        group.MapDelete("/{id:guid}", DeleteAsync);
        group.MapPost("/{id:guid}/test", WebhookPing.QueueAsync);
        return group;
    }

    internal static async Task<Webhook?> FindAsync(ParleyDbContext db, Guid id, Actor actor, CancellationToken ct)
    {
        var agencies = await AdminScope.AgenciesAsync(db, actor, ct);
        return await db.Webhooks.SingleOrDefaultAsync(w => w.Id == id && w.Active && agencies.Contains(w.AgencyId), ct);
    }

    public static async Task<Results<Created<CreatedWebhookDto>, ValidationProblem>> CreateAsync(
        WebhookInput body, ClaimsPrincipal user, ParleyDbContext db, TimeProvider time, CancellationToken ct)
    {
        var actor = Actor.From(user);
        var errors = ModelValidation.Check(body);
        if (body.Url is not null && !IsHttpUrl(body.Url)) errors["url"] = ["url must be an absolute http or https address."];
        var events = body.Events ?? ["*"];
        if (events.Count == 0) errors["events"] = ["Give at least one event type, or \"*\" for all."];
        else if (events.FirstOrDefault(e => e is null || !EventPattern().IsMatch(e)) is { } bad)
            errors["events"] = [$"'{bad}' is not an event type: use e.g. \"escalation.raised\", \"escalation.*\" or \"*\"."];
        else if (string.Join(',', events).Length > 1000) errors["events"] = ["Too many event types."];
        var agencyId = body.AgencyId ?? actor.AgencyId;
        if (!(await AdminScope.AgenciesAsync(db, actor, ct)).Contains(agencyId)) errors["agencyId"] = ["agencyId must be an agency of your own party."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var hook = new Webhook
        {
            Id = Guid.CreateVersion7(), AgencyId = agencyId, Url = body.Url!, Secret = body.Secret ?? WebhookSignature.NewSecret(),
            Events = string.Join(',', events.Distinct()), Active = true, CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Webhooks.Add(hook);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/webhooks/{hook.Id}",
            new CreatedWebhookDto(hook.Id, hook.AgencyId, hook.Url, NotificationMapping.EventList(hook), hook.CreatedAt, hook.Secret));
    }

    public static async Task<Results<NoContent, NotFound>> DeleteAsync(Guid id, ClaimsPrincipal user, ParleyDbContext db, TimeProvider time, CancellationToken ct)
    {
        var hook = await FindAsync(db, id, Actor.From(user), ct);
        if (hook is null) return TypedResults.NotFound();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        hook.Active = false;
        await db.SaveChangesAsync(ct);
        // A sender holding one of these under lease finds the webhook inactive and gives up too.
        await db.Notifications.Where(n => n.WebhookId == id && n.Status == NotificationStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Failed).SetProperty(n => n.NextAttemptAt, (DateTime?)null)
                .SetProperty(n => n.LastError, "The webhook was deleted."), ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    internal static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0;

    [GeneratedRegex(@"^(\*|[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)*(\.\*)?)$")]
    private static partial Regex EventPattern();
}
