using Microsoft.Extensions.Options;

namespace Parley.Escalation;

public sealed class DeadlineWatcherOptions
{
    public bool Enabled { get; set; } = true;
    /// The longest the watcher sleeps, so that deadlines written by another server process are seen.
    public TimeSpan MaxSleep { get; set; } = TimeSpan.FromSeconds(30);
    /// Wait after a failed pass (database unreachable) before trying again.
    public TimeSpan RetryAfterError { get; set; } = TimeSpan.FromSeconds(5);
}

/// Wakes for the next deadline instant (or when poked), runs a <see cref="DeadlineWatch"/> pass, sleeps again.
/// On start the first pass catches up on everything that fell due while the server was down.
public sealed class DeadlineWatcher(
    IServiceScopeFactory scopes, TimeProvider time, DeadlineWatchSignal signal, IOptions<DeadlineWatcherOptions> options, ILogger<DeadlineWatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan sleep;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var pass = await scope.ServiceProvider.GetRequiredService<DeadlineWatch>().RunOnceAsync(stoppingToken);
                if (pass.Recorded > 0) logger.LogInformation("Deadline watcher recorded {Count} alerts", pass.Recorded);
                var untilNext = pass.NextWatchAt is { } next ? next - time.GetUtcNow().UtcDateTime : options.Value.MaxSleep;
                sleep = untilNext < TimeSpan.Zero ? TimeSpan.Zero : untilNext > options.Value.MaxSleep ? options.Value.MaxSleep : untilNext;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Deadline watcher pass failed");
                sleep = options.Value.RetryAfterError;
            }
            await signal.WaitAsync(sleep, time, stoppingToken);
        }
    }
}

/// Lets a request transition wake the watcher when it has written a deadline to watch.
public sealed class DeadlineWatchSignal
{
    private TaskCompletionSource _poke = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Poke() => Interlocked.Exchange(ref _poke, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        var poke = _poke.Task;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(timeout, time, cts.Token);
        await Task.WhenAny(delay, poke);
        await cts.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }
}
