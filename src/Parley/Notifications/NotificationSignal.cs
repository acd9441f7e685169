namespace Parley.Notifications;

/// Wakes the sender when something was queued. Optional for callers: poke after your SaveChanges to have
/// the notification sent at once; without a poke the sender finds it within its MaxSleep.
public sealed class NotificationSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _poke = New();

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Poke()
    {
        lock (_gate) _poke.TrySetResult();
    }

    /// Called before each round: pokes from before it are served by it; pokes during it wake the next wait.
    internal void RoundStarting()
    {
        lock (_gate)
            if (_poke.Task.IsCompleted) _poke = New();
    }

    internal async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        Task poke;
        lock (_gate) poke = _poke.Task;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await Task.WhenAny(Task.Delay(timeout, time, cts.Token), poke);
        await cts.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }
}
