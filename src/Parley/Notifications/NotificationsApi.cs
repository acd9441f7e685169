using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Identity;
using Parley.Audit;

namespace Parley.Notifications;

/// The delivery log for administrators: the notifications addressed to their own party's agencies (and
/// those whose recipient belongs to no known agency), each with its attempts.
public static class NotificationsApi
{
    public const int MaxLimit = 500;

    public static RouteGroupBuilder MapNotifications(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireAuthorization(Policies.Administrator);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPost("/{id:guid}/retry", RetryAsync);
        return group;
    }

    private static async Task<IQueryable<Notification>> VisibleAsync(ParleyDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var agencies = await AdminScope.AgenciesAsync(db, Actor.From(user), ct);
        return db.Notifications.Where(n => n.AgencyId == null || agencies.Contains(n.AgencyId.Value));
    }

    public static async Task<Results<Ok<List<NotificationDto>>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, ParleyDbContext db, CancellationToken ct,
        string? status = null, string? channel = null, string? eventType = null, string? limit = null)
    {
        var errors = new Dictionary<string, string[]>();
        var statusValue = Parse<NotificationStatus>(status, "status", errors);
        var channelValue = Parse<NotificationChannel>(channel, "channel", errors);
        var take = 100;
        if (limit is not null && (!int.TryParse(limit, out take) || take is < 1 or > MaxLimit)) errors["limit"] = [$"limit must be a number from 1 to {MaxLimit}."];
        if (eventType is { Length: > 100 }) errors["eventType"] = ["eventType is at most 100 characters."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var query = (await VisibleAsync(db, user, ct)).AsNoTracking();
        if (statusValue is { } s) query = query.Where(n => n.Status == s);
        if (channelValue is { } c) query = query.Where(n => n.Channel == c);
        if (!string.IsNullOrEmpty(eventType)) query = query.Where(n => n.EventType == eventType);
        var list = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(take).ToListAsync(ct);
        return TypedResults.Ok(list.Select(NotificationMapping.ToDto).ToList());
    }

    public static async Task<Results<Ok<NotificationDetailDto>, NotFound>> GetAsync(Guid id, ClaimsPrincipal user, ParleyDbContext db, CancellationToken ct)
    {
        var notification = await (await VisibleAsync(db, user, ct)).AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, ct);
        if (notification is null) return TypedResults.NotFound();
        var attempts = await db.NotificationAttempts.AsNoTracking().Where(a => a.NotificationId == id).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync(ct);
        return TypedResults.Ok(new NotificationDetailDto(NotificationMapping.ToDto(notification), notification.Body, attempts.Select(NotificationMapping.ToDto).ToList()));
    }

    /// A Failed notification gets a fresh series of attempts, starting now; the log keeps the earlier ones.
    public static async Task<Results<Accepted<NotificationDto>, NotFound, ProblemHttpResult>> RetryAsync(
        Guid id, ClaimsPrincipal user, ParleyDbContext db, TimeProvider time, NotificationSignal signal, CancellationToken ct)
    {
        var notification = await (await VisibleAsync(db, user, ct)).SingleOrDefaultAsync(n => n.Id == id, ct);
        if (notification is null) return TypedResults.NotFound();
        if (notification.Status != NotificationStatus.Failed)
            return TypedResults.Problem($"Only a failed notification can be retried; this one is {notification.Status.ToString().ToLowerInvariant()}.",
                statusCode: StatusCodes.Status409Conflict, title: "Not allowed in this state");
        if (notification.WebhookId is { } hookId && !await db.Webhooks.AnyAsync(w => w.Id == hookId && w.Active, ct))
            return TypedResults.Problem("The webhook was deleted.", statusCode: StatusCodes.Status409Conflict, title: "Not allowed in this state");
        var now = time.GetUtcNow().UtcDateTime;
        // Conditional, so that two administrators retrying at once start one series, not two.
        var updated = await db.Notifications.Where(n => n.Id == id && n.Status == NotificationStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Pending).SetProperty(n => n.Attempts, 0)
                .SetProperty(n => n.NextAttemptAt, now), ct);
        if (updated == 0)
            return TypedResults.Problem("The notification changed meanwhile.", statusCode: StatusCodes.Status409Conflict, title: "Not allowed in this state");
        await db.RecordAsync("notification.retry", "Notification", id.ToString(), null, ct);
        signal.Poke();
        await db.Entry(notification).ReloadAsync(ct);
        return TypedResults.Accepted($"/api/v1/notifications/{id}", NotificationMapping.ToDto(notification));
    }

    private static T? Parse<T>(string? value, string field, Dictionary<string, string[]> errors) where T : struct, Enum
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (!int.TryParse(value, out _) && Enum.TryParse<T>(value, ignoreCase: true, out var parsed)) return parsed;
        errors[field] = [$"{field} must be one of: {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}."];
        return null;
    }
}
