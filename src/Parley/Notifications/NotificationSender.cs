using Microsoft.Extensions.Options;

namespace Parley.Notifications;

/// The hosted shell around <see cref="NotificationDispatcher"/>: a round, then sleep until the next
/// notification is due, a poke, or MaxSleep (so rows queued by another process without a poke are seen).
public sealed class NotificationSender(
    NotificationDispatcher dispatcher, NotificationSignal signal, TimeProvider time,
    IOptions<NotificationSenderOptions> options, ILogger<NotificationSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan sleep;
            signal.RoundStarting();
            try
            {
                var round = await dispatcher.RunOnceAsync(stoppingToken);
                var untilNext = round.NextAttemptAt is { } next ? next - time.GetUtcNow().UtcDateTime : o.MaxSleep;
                sleep = untilNext > o.MaxSleep ? o.MaxSleep : untilNext;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Notification sender round failed");
                sleep = o.RetryAfterError;
            }
            if (sleep > TimeSpan.Zero) await signal.WaitAsync(sleep, time, stoppingToken);
        }
    }
}
