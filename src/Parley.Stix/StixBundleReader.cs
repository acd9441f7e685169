using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Parley.Stix;

/// <summary>
/// Reads the objects of a bundle from a stream one at a time, holding in memory only the object
/// being read (plus a read buffer), so bundles of any size can be imported.
/// </summary>
/// <remarks>
/// <para>
/// Objects are yielded in bundle order. <see cref="BundleId"/> is known once the reader has passed
/// the bundle's <c>id</c>, which may come before or after <c>objects</c>; it is checked after the
/// last object. Properties of the bundle other than <c>type</c>, <c>id</c> and <c>objects</c> are
/// skipped.
/// </para>
/// <para>An instance reads its stream once and is not thread-safe.</para>
/// <para>The methods that run per object are compiled optimized at once (see <see cref="Validation.StixValidator"/>'s remarks).</para>
/// </remarks>
public sealed class StixBundleReader
{
    private readonly Stream _stream;
    private byte[] _buffer;
    private JsonReaderState _state = new(new JsonReaderOptions { MaxDepth = StixJson.DocumentOptions.MaxDepth });
    private Phase _phase = Phase.Start;
    private string? _pendingProperty;
    private bool _sawType;
    private int _index;
    private StixFormatException? _error;

    /// <summary>Creates a reader over a stream of UTF-8 JSON.</summary>
    /// <param name="utf8Json">The stream; the reader does not dispose it.</param>
    /// <param name="bufferSize">The initial read buffer; it grows when one object is larger.</param>
    public StixBundleReader(Stream utf8Json, int bufferSize = 64 * 1024)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 16);
        _stream = utf8Json;
        _buffer = new byte[bufferSize];
    }

    private enum Phase
    {
        Start,
        Root,
        Value,
        Objects,
        Done,
    }

    /// <summary>The bundle id, once the reader has read it.</summary>
    public string? BundleId { get; private set; }

    /// <summary>Reads the objects of the bundle.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The objects, in bundle order; they are not validated.</returns>
    /// <exception cref="StixFormatException">
    /// The stream is not well-formed JSON, not a bundle, or an element of <c>objects</c> is not a
    /// JSON object; objects before the problem have already been yielded.
    /// </exception>
    public async IAsyncEnumerable<StixObject> ReadObjectsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var received in ReadReceivedAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return StixObject.FromReceived(received);
        }
    }

    /// <summary>
    /// Reads the objects of the bundle as parsed JSON elements with their text, for a reader that needs no
    /// <see cref="StixObject"/>: <see cref="Validation.StixValidator.Validate(JsonElement)"/> reads the element
    /// in place.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The objects, in bundle order; they are not validated.</returns>
    /// <exception cref="StixFormatException">As for <see cref="ReadObjectsAsync"/>.</exception>
    public async IAsyncEnumerable<ReceivedStixObject> ReadReceivedAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var length = 0;
        var final = false;
        var ready = new List<ReceivedStixObject>();
        while (_phase != Phase.Done)
        {
            if (!final && length < _buffer.Length)
            {
                var read = await _stream.ReadAsync(_buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                length += read;
                final = read == 0;
            }

            var consumed = Process(_buffer.AsSpan(0, length), final, ready);
            foreach (var obj in ready)
            {
                yield return obj;
            }

            ready.Clear();
            if (_error is not null)
            {
                throw _error;
            }

            if (consumed == 0 && _phase != Phase.Done)
            {
                if (final)
                {
                    throw new StixFormatException("The bundle ends before its closing brace.");
                }

                if (length == _buffer.Length)
                {
                    // One token or object is larger than the buffer: grow it.
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }
            }

            _buffer.AsSpan(consumed, length - consumed).CopyTo(_buffer);
            length -= consumed;
        }

        if (!_sawType)
        {
            throw new StixFormatException("The JSON is not a bundle: it has no \"type\": \"bundle\".");
        }

        if (BundleId is null)
        {
            throw new StixFormatException("The bundle has no string \"id\".");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Process(ReadOnlySpan<byte> data, bool final, List<ReceivedStixObject> ready)
    {
        var reader = new Utf8JsonReader(data, final, _state);
        while (true)
        {
            var checkpoint = reader;
            try
            {
                if (!Step(ref reader, data, ready))
                {
                    reader = checkpoint;
                    break;
                }
            }
            // InvalidOperationException: GetString on a string that is not valid UTF-8.
            catch (Exception ex) when (ex is JsonException or StixFormatException or InvalidOperationException)
            {
                // Objects completed before the problem are still handed out; the error follows them.
                _error = ex as StixFormatException ?? new StixFormatException($"The bundle is not well-formed JSON: {ex.Message}", ex);
                reader = checkpoint;
                break;
            }

            if (_phase == Phase.Done)
            {
                break;
            }
        }

        _state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    // One unit of work; false when the data ends before the unit does (the caller rewinds).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Step(ref Utf8JsonReader reader, ReadOnlySpan<byte> data, List<ReceivedStixObject> ready)
    {
        if (!reader.Read())
        {
            return false;
        }

        switch (_phase)
        {
            case Phase.Start:
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new StixFormatException($"A bundle must be a JSON object, not {reader.TokenType}.");
                }

                _phase = Phase.Root;
                return true;
            case Phase.Root when reader.TokenType == JsonTokenType.EndObject:
                _phase = Phase.Done;
                return true;
            case Phase.Root:
                _pendingProperty = reader.GetString();
                _phase = Phase.Value;
                return true;
            case Phase.Value:
                return RootValue(ref reader);
            default:
                return ObjectElement(ref reader, data, ready);
        }
    }

    private bool RootValue(ref Utf8JsonReader reader)
    {
        switch (_pendingProperty)
        {
            case "type":
                if (reader.TokenType != JsonTokenType.String || reader.GetString() != "bundle")
                {
                    throw new StixFormatException("The JSON is not a bundle: its \"type\" must be \"bundle\".");
                }

                _sawType = true;
                break;
            case "id":
                BundleId = reader.TokenType == JsonTokenType.String
                    ? reader.GetString()
                    : throw new StixFormatException("The bundle's \"id\" must be a string.");
                break;
            case "objects":
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw new StixFormatException("The bundle's \"objects\" must be a list.");
                }

                _phase = Phase.Objects;
                return true;
            default:
                if (!reader.TrySkip())
                {
                    return false;
                }

                break;
        }

        _phase = Phase.Root;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ObjectElement(ref Utf8JsonReader reader, ReadOnlySpan<byte> data, List<ReceivedStixObject> ready)
    {
        if (reader.TokenType == JsonTokenType.EndArray)
        {
            _phase = Phase.Root;
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new StixFormatException($"The bundle's objects[{_index}] is not a JSON object.");
        }

        var start = (int)reader.TokenStartIndex;
        if (!reader.TrySkip())
        {
            return false;
        }

        var slice = data[start..(int)reader.BytesConsumed];
        ready.Add(new ReceivedStixObject(StixJson.ParseObjectElement(slice, $"bundle's objects[{_index}]"), StixJson.Compact(slice)));
        _index++;
        return true;
    }
}
