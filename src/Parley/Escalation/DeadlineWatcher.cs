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

/// Wakes for the next watch instant of any pass (or when poked), runs every <see cref="IWatchPass"/>, sleeps again.
/// On start the first pass catches up on everything that fell due while the server was down.
public sealed class DeadlineWatcher(
    IServiceScopeFactory scopes, WatchPasses passes, TimeProvider time, DeadlineWatchSignal signal, IOptions<DeadlineWatcherOptions> options, ILogger<DeadlineWatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan sleep;
            signal.PassStarting();
            try
            {
                // Passes run in registration order (deadline alerts before the escalations they start), each in its own scope.
                var recorded = 0;
                DateTime? next = null;
                foreach (var passType in passes.Types)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var pass = await ((IWatchPass)scope.ServiceProvider.GetRequiredService(passType)).RunOnceAsync(stoppingToken);
                    recorded += pass.Recorded;
                    if (pass.NextWatchAt is { } at && (next is null || at < next)) next = at;
                }
                if (recorded > 0) logger.LogInformation("Watcher recorded {Count} effects", recorded);
                var untilNext = next is { } n ? n - time.GetUtcNow().UtcDateTime : options.Value.MaxSleep;
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

/// The watch passes in the order they run. Register each with <see cref="WatchPassRegistration.AddWatchPass{T}"/>.
public sealed class WatchPasses
{
    public List<Type> Types { get; } = [];
}

public static class WatchPassRegistration
{
    public static IServiceCollection AddWatchPass<T>(this IServiceCollection services) where T : class, IWatchPass
    {
        services.AddScoped<T>();
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(WatchPasses))?.ImplementationInstance as WatchPasses;
        if (existing is null) services.AddSingleton(existing = new WatchPasses());
        existing.Types.Add(typeof(T));
        return services;
    }
}

/// Lets a request change wake the watcher, but only when it wrote a watch instant earlier than the
/// one the watcher already sleeps until; most writes set deadlines hours away and wake nothing.
public sealed class DeadlineWatchSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _poke = New();
    // MaxValue while a pass runs, so that anything written meanwhile wakes the next wait.
    private DateTime _wakeAt = DateTime.MaxValue;

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void PassStarting()
    {
        lock (_gate)
        {
            _poke = New();
            _wakeAt = DateTime.MaxValue;
        }
    }

    public void Poke(DateTime? watchAt)
    {
        lock (_gate)
            if (watchAt < _wakeAt) _poke.TrySetResult();
    }

    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        Task poke;
        lock (_gate)
        {
            _wakeAt = time.GetUtcNow().UtcDateTime + timeout;
            poke = _poke.Task;
        }
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(timeout, time, cts.Token);
        await Task.WhenAny(delay, poke);
        await cts.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }
}
