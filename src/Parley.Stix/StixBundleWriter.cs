using System.Text.Json;

namespace Parley.Stix;

/// <summary>
/// Writes a bundle to a stream one object at a time, so an export never holds all its objects in
/// memory: <c>{"type":"bundle","id":"…","objects":[</c>, then each object, then <c>]}</c>.
/// </summary>
/// <remarks>
/// Call <see cref="WriteObjectAsync"/> for each object and then <see cref="CompleteAsync"/>.
/// STIX 2.1 allows a bundle without objects; this writer then writes <c>"objects":[]</c>, which
/// readers also accept. An instance is not thread-safe.
/// </remarks>
public sealed class StixBundleWriter : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly Utf8JsonWriter _writer;
    private bool _completed;

    /// <summary>Starts a bundle on a stream.</summary>
    /// <param name="utf8Json">The stream; the writer does not dispose it.</param>
    /// <param name="bundleId">The bundle id, <c>bundle--UUID</c>; a random one when <see langword="null"/>.</param>
    public StixBundleWriter(Stream utf8Json, string? bundleId = null)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        _stream = utf8Json;
        BundleId = bundleId ?? StixIdentifier.NewRandom("bundle").Value;
        _writer = new Utf8JsonWriter(utf8Json, StixJson.WriterOptions);
        _writer.WriteStartObject();
        _writer.WriteString("type", "bundle");
        _writer.WriteString("id", BundleId);
        _writer.WriteStartArray("objects");
    }

    /// <summary>The id written into the bundle.</summary>
    public string BundleId { get; }

    /// <summary>Number of objects written so far.</summary>
    public long Count { get; private set; }

    /// <summary>Writes one object, flushing to the stream when the pending output is large.</summary>
    /// <param name="obj">The object.</param>
    /// <param name="cancellationToken">Cancels the flush.</param>
    /// <returns>A task that completes when the object is written or buffered.</returns>
    public async ValueTask WriteObjectAsync(StixObject obj, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ObjectDisposedException.ThrowIf(_completed, this);
        obj.WriteTo(_writer);
        Count++;
        if (_writer.BytesPending > 32 * 1024)
        {
            await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Closes the list and the bundle and flushes everything to the stream.</summary>
    /// <param name="cancellationToken">Cancels the flush.</param>
    /// <returns>A task that completes when the bundle is written.</returns>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (_completed)
        {
            return;
        }

        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _completed = true;
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Disposes the JSON writer; does not complete the bundle or dispose the stream.</summary>
    /// <returns>A task that completes when the writer is disposed.</returns>
    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
