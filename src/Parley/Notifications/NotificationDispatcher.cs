using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Audit;
using Parley.Data;

namespace Parley.Notifications;

/// Works off the outbox: claims due notifications in small batches, sends them, and records each attempt.
///
/// A claim moves the row's NextAttemptAt to the end of a lease in a conditional update (only if it still
/// holds the value just read), so of two server processes only one wins each row; PostgreSQL re-checks the
/// condition after waiting for the other's row lock, SQLite serialises writers. The result is recorded
/// only while the lease is still ours. A process that dies holding a lease leaves the row Pending; it is
/// sent again once the lease has run out. A crash after sending but before recording therefore sends the
/// message twice, with the same X-Parley-Delivery id / Message-Id, which receivers use to drop the copy.
public sealed class NotificationDispatcher(
    IServiceScopeFactory scopes, EmailSender email, WebhookSender webhooks, TimeProvider time,
    IOptions<NotificationSenderOptions> options, ILogger<NotificationDispatcher> logger)
{
    private sealed record Claimed(Notification Notification, DateTime LeaseUntil, Webhook? Hook);

    /// Sends everything due now; returns how many attempts were made and when the next notification is due.
    public async Task<DispatchResult> RunOnceAsync(CancellationToken ct)
    {
        var attempted = 0;
        while (await ClaimAsync(ct) is { Count: > 0 } batch)
        {
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = ct },
                async (claimed, token) => await DeliverAsync(claimed, token));
            attempted += batch.Count;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var next = await db.Notifications.Where(n => n.Status == NotificationStatus.Pending && n.NextAttemptAt != null).MinAsync(n => n.NextAttemptAt, ct);
        return new DispatchResult(attempted, next);
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    // Whole milliseconds: the lease is compared for equality later, and both providers keep milliseconds exactly.
    private static DateTime Truncate(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    private async Task<List<Claimed>> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var now = Now();
        var due = await db.Notifications.AsNoTracking()
            .Where(n => n.Status == NotificationStatus.Pending && n.NextAttemptAt <= now)
            .OrderBy(n => n.NextAttemptAt).ThenBy(n => n.Id)
            .Take(options.Value.BatchSize).Select(n => new { n.Id, n.NextAttemptAt }).ToListAsync(ct);
        var leaseUntil = Truncate(now + options.Value.Lease);
        var claimed = new List<Guid>();
        foreach (var row in due)
        {
            var seen = row.NextAttemptAt;
            var won = await db.Notifications
                .Where(n => n.Id == row.Id && n.Status == NotificationStatus.Pending && n.NextAttemptAt == seen)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.NextAttemptAt, leaseUntil), ct);
            if (won == 1) claimed.Add(row.Id);
        }
        if (claimed.Count == 0) return [];

        var rows = await db.Notifications.AsNoTracking().Where(n => claimed.Contains(n.Id)).ToListAsync(ct);
        var hookIds = rows.Where(n => n.WebhookId != null).Select(n => n.WebhookId!.Value).Distinct().ToList();
        var hooks = await db.Webhooks.AsNoTracking().Where(w => hookIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        return rows.OrderBy(n => n.Id).Select(n => new Claimed(n, leaseUntil, n.WebhookId is { } h ? hooks.GetValueOrDefault(h) : null)).ToList();
    }

    private async Task DeliverAsync(Claimed claimed, CancellationToken ct)
    {
        var n = claimed.Notification;
        var started = Stopwatch.GetTimestamp();
        DeliveryResult result;
        try
        {
            result = n.Channel switch
            {
                NotificationChannel.Email => await email.SendAsync(n, ct),
                _ when claimed.Hook is { Active: true } hook => await webhooks.SendAsync(n, hook, ct),
                _ => DeliveryResult.Failure(null, "The webhook was deleted.", permanent: true),
            };
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: give the row back at once rather than leaving it leased.
            await ReleaseAsync(claimed);
            throw;
        }
        catch (Exception e)
        {
            result = DeliveryResult.Failure(null, $"{e.GetType().Name}: {e.Message}");
        }
        await RecordAsync(claimed, result, (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds, ct);
    }

    private async Task RecordAsync(Claimed claimed, DeliveryResult result, int durationMs, CancellationToken ct)
    {
        var o = options.Value;
        var n = claimed.Notification;
        var now = Now();
        var failures = n.Attempts + 1;
        var status = result.Succeeded ? NotificationStatus.Sent
            : result.Permanent || failures >= o.MaxAttempts ? NotificationStatus.Failed : NotificationStatus.Pending;
        DateTime? next = status == NotificationStatus.Pending ? Truncate(now + Backoff.Delay(failures, o, Random.Shared.NextDouble())) : null;
        DateTime? sentAt = result.Succeeded ? now : null;
        var error = result.Succeeded ? null : result.Error;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ours = await db.Notifications
            .Where(x => x.Id == n.Id && x.Status == NotificationStatus.Pending && x.NextAttemptAt == claimed.LeaseUntil)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, status)
                .SetProperty(x => x.Attempts, x => x.Attempts + 1)
                .SetProperty(x => x.NextAttemptAt, next)
                .SetProperty(x => x.SentAt, sentAt)
                .SetProperty(x => x.LastError, error), ct);
        db.NotificationAttempts.Add(new NotificationAttempt
        {
            Id = Guid.CreateVersion7(now), NotificationId = n.Id, At = now, Succeeded = result.Succeeded,
            StatusCode = result.StatusCode, Error = result.Error, DurationMs = durationMs,
        });
        await db.SaveAndCommitAsync(tx, ct);

        if (ours == 0)
            logger.LogWarning("Notification {Id}: the lease ran out during attempt {Attempt}; another sender may have sent it too", n.Id, failures);
        else if (status == NotificationStatus.Sent)
            logger.LogInformation("Notification {Id} ({Channel}, {EventType}) delivered on attempt {Attempt}", n.Id, n.Channel, n.EventType, failures);
        else
            logger.LogWarning("Notification {Id} ({Channel}, {EventType}) attempt {Attempt} failed: {Error}; {Outcome}",
                n.Id, n.Channel, n.EventType, failures, result.Error, status == NotificationStatus.Failed ? "giving up" : $"next try at {next:O}");
    }

    private async Task ReleaseAsync(Claimed claimed)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            var now = Now();
            await db.Notifications.Where(x => x.Id == claimed.Notification.Id && x.NextAttemptAt == claimed.LeaseUntil)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextAttemptAt, now), CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not release notification {Id}; it is sent after its lease runs out", claimed.Notification.Id);
        }
    }
}

/// How many attempts a round made, and when the earliest pending notification is due (null: none pending).
public sealed record DispatchResult(int Attempted, DateTime? NextAttemptAt);
