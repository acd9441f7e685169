using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Parley.Audit;

/// How reads are recorded: section "ReadAuditOptions".
public sealed class ReadAuditOptions : IValidatableObject
{
    /// How long the writer waits after a read for others to share its write; a crash loses at most this much of read records.
    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(200);
    /// Reads written in one transaction at most.
    [Range(1, 10_000)] public int MaxBatch { get; set; } = 256;
    /// Reads waiting to be written; when it is full, a read waits for room rather than go unrecorded.
    [Range(1, 1_000_000)] public int Capacity { get; set; } = 10_000;
    /// Wait after the first failed write; doubled after each further one, up to <see cref="RetryCap"/>.
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan RetryCap { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Linger < TimeSpan.Zero) yield return new("Linger may not be negative.", [nameof(Linger)]);
        if (RetryBase <= TimeSpan.Zero || RetryCap < RetryBase)
            yield return new("RetryBase must be positive and RetryCap at least as long.", [nameof(RetryBase), nameof(RetryCap)]);
    }
}

/// Reads change nothing, so their entries need not share a transaction with anything: they wait here and
/// <see cref="ReadAuditWriter"/> writes them many to one write transaction, instead of each read taking
/// the write lock (on SQLite, the one writer; every other connection's page cache emptied) for itself.
/// Whoever reads the audit trail in this process calls <see cref="FlushAsync"/> first.
public sealed class ReadAuditQueue
{
    /// A draft to write, or a flush waiting for every draft before it.
    internal readonly record struct Item(AuditDraft? Draft, TaskCompletionSource? Flushed);

    private readonly Channel<Item> _channel;
    private readonly TimeProvider _time;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ReadAuditQueue(IOptions<ReadAuditOptions> options, TimeProvider time)
    {
        _channel = Channel.CreateBounded<Item>(new BoundedChannelOptions(options.Value.Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _time = time;
    }

    internal ChannelReader<Item> Reader => _channel.Reader;

    /// Queues a read's entry. The actor is taken now (the writer has no request); so is the read's own
    /// instant, as payload key <c>at</c>, since the entry's instant is the time of the write.
    public ValueTask RecordAsync(string action, string subjectType, string subjectId, IReadOnlyDictionary<string, string?> payload,
        AuditActor actor, CancellationToken ct)
    {
        var at = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        return EnqueueAsync(AuditDraft.ByHand(action, subjectType, subjectId, payload.Append(new("at", at)), actor), ct);
    }

    /// Waits while the queue is full. Throws <see cref="ChannelClosedException"/> once the server is shutting down.
    public ValueTask EnqueueAsync(AuditDraft draft, CancellationToken ct) => _channel.Writer.WriteAsync(new Item(draft, null), ct);

    /// Returns once every draft queued before the call is written.
    public async Task FlushAsync(CancellationToken ct)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await _channel.Writer.WriteAsync(new Item(null, flushed), ct);
        }
        catch (ChannelClosedException)
        {
            // Shutting down: the writer drains what is left.
            await _stopped.Task.WaitAsync(ct);
            return;
        }
        await flushed.Task.WaitAsync(ct);
    }

    /// No more drafts are taken; the writer writes those queued and stops.
    internal void Close() => _channel.Writer.TryComplete();

    internal void Stopped() => _stopped.TrySetResult();
}
