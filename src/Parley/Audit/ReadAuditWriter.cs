using Microsoft.Extensions.Options;
using Parley.Data;

namespace Parley.Audit;

/// Writes the reads of <see cref="ReadAuditQueue"/>: from the first one waiting, it lingers for
/// <see cref="ReadAuditOptions.Linger"/> (less if a flush is asked for or the batch is full), then writes them
/// all with one SaveChanges, which <see cref="AuditInterceptor"/> chains (one entry per actor, listing the
/// other reads in <c>changes</c>). A failed write is retried with a growing wait until it succeeds; on
/// shutdown everything queued is written, for as long as the host allows.
public sealed class ReadAuditWriter(
    ReadAuditQueue queue, IServiceScopeFactory scopes, TimeProvider time, IOptions<ReadAuditOptions> options, ILogger<ReadAuditWriter> logger)
    : BackgroundService
{
    // Cancelled when the host stops waiting for the drain.
    private readonly CancellationTokenSource _abandon = new();

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Close();
        await using (cancellationToken.Register(_abandon.Cancel))
            await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }

    // Runs until the queue is closed and empty, not until stoppingToken: stopping drains.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        List<AuditDraft> batch = [];
        List<TaskCompletionSource> flushes = [];
        try
        {
            while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
            {
                await GatherAsync(batch, flushes);
                await WriteAsync(batch);
                foreach (var flushed in flushes) flushed.TrySetResult();
                batch.Clear();
                flushes.Clear();
            }
        }
        catch (Exception) when (_abandon.IsCancellationRequested)
        {
            logger.LogError("Shutdown: {Count} queued read audit entries were not written", batch.Count + queue.Reader.Count);
            foreach (var flushed in flushes) flushed.TrySetCanceled();
        }
        finally
        {
            queue.Stopped();
        }
    }

    /// Takes drafts until the linger is over, a flush is asked for, the batch is full or the queue is closed.
    private async Task GatherAsync(List<AuditDraft> batch, List<TaskCompletionSource> flushes)
    {
        var o = options.Value;
        using var lingering = new CancellationTokenSource();
        Task? linger = null;
        try
        {
            while (true)
            {
                while (batch.Count < o.MaxBatch && queue.Reader.TryRead(out var item))
                {
                    if (item.Flushed is { } flushed)
                    {
                        flushes.Add(flushed);
                        return;
                    }
                    batch.Add(item.Draft!);
                }
                if (batch.Count >= o.MaxBatch) return;
                linger ??= Task.Delay(o.Linger, time, lingering.Token);
                var more = queue.Reader.WaitToReadAsync().AsTask();
                if (await Task.WhenAny(more, linger) == linger || !await more) return;
            }
        }
        finally
        {
            await lingering.CancelAsync();
        }
    }

    private async Task WriteAsync(List<AuditDraft> batch)
    {
        if (batch.Count == 0) return;
        var o = options.Value;
        for (var failures = 0; ; failures++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
                db.Audit.Pending.AddRange(batch);
                await db.SaveChangesAsync(_abandon.Token);
                return;
            }
            catch (Exception e) when (!_abandon.IsCancellationRequested)
            {
                var wait = TimeSpan.FromTicks(Math.Min(o.RetryCap.Ticks, o.RetryBase.Ticks << Math.Min(failures, 20)));
                logger.LogError(e, "Writing {Count} read audit entries failed; trying again in {Wait}", batch.Count, wait);
                await Task.Delay(wait, time, _abandon.Token);
            }
        }
    }
}
