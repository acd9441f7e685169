using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parley.Stix;

/// <summary>
/// A STIX 2.1 bundle: <c>{"type": "bundle", "id": "bundle--…", "objects": [ … ]}</c>, a container
/// for exchanging objects, not itself a STIX object.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Parse(string)"/> holds the whole bundle in memory, which suits bundles up to tens of
/// megabytes. For larger files read objects one at a time with <see cref="StixBundleReader"/> and
/// write them with <see cref="StixBundleWriter"/>.
/// </para>
/// <para>Not thread-safe; see <see cref="StixObject"/>.</para>
/// </remarks>
public sealed class StixBundle
{
    /// <summary>Creates a bundle.</summary>
    /// <param name="id">The bundle id, <c>bundle--UUID</c>.</param>
    /// <param name="objects">The objects.</param>
    public StixBundle(string id, IEnumerable<StixObject> objects)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(objects);
        Id = id;
        Objects = [.. objects];
    }

    /// <summary>The bundle id, <c>bundle--UUID</c>. Receivers need not store it.</summary>
    public string Id { get; }

    /// <summary>The objects in the bundle, in their order in the bundle.</summary>
    public IReadOnlyList<StixObject> Objects { get; }

    /// <summary>Creates a bundle with a new random id.</summary>
    /// <param name="objects">The objects.</param>
    /// <returns>The bundle.</returns>
    public static StixBundle Create(IEnumerable<StixObject> objects) =>
        new(StixIdentifier.NewRandom("bundle").Value, objects);

    /// <summary>Parses a bundle from JSON text.</summary>
    /// <param name="json">The bundle's JSON.</param>
    /// <returns>The bundle; its objects are not validated.</returns>
    /// <exception cref="StixFormatException">
    /// The text is not well-formed JSON, is not an object with <c>"type": "bundle"</c> and a string
    /// <c>id</c>, or has <c>objects</c> that is not a list of JSON objects.
    /// </exception>
    public static StixBundle Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Parses a bundle from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The bundle's UTF-8 JSON.</param>
    /// <returns>The bundle; its objects are not validated.</returns>
    /// <exception cref="StixFormatException">See <see cref="Parse(string)"/>.</exception>
    public static StixBundle Parse(ReadOnlySpan<byte> utf8Json)
    {
        var root = StixJson.ParseObject(utf8Json, "bundle");
        if (StixJson.GetString(root, "type") != "bundle")
        {
            throw new StixFormatException("The JSON is not a bundle: its \"type\" must be \"bundle\".");
        }

        var id = StixJson.GetString(root, "id") ?? throw new StixFormatException("The bundle has no string \"id\".");
        var objects = new List<StixObject>();
        if (root["objects"] is { } node)
        {
            if (node is not JsonArray array)
            {
                throw new StixFormatException("The bundle's \"objects\" must be a list.");
            }

            // Detach the objects from the bundle so each can be stored and changed on its own.
            var items = array.ToArray();
            array.Clear();
            for (var i = 0; i < items.Length; i++)
            {
                objects.Add(items[i] is JsonObject obj
                    ? StixObject.FromJson(obj)
                    : throw new StixFormatException($"The bundle's objects[{i}] is not a JSON object."));
            }
        }

        return new StixBundle(id, objects);
    }

    /// <summary>Parses a bundle from a stream of UTF-8 JSON, reading it to the end.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The bundle.</returns>
    /// <exception cref="StixFormatException">See <see cref="Parse(string)"/>.</exception>
    public static async Task<StixBundle> ParseAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        await utf8Json.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>Writes the bundle as JSON: <c>type</c>, <c>id</c>, then <c>objects</c> (omitted when empty).</summary>
    /// <param name="writer">The writer.</param>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("type", "bundle");
        writer.WriteString("id", Id);
        if (Objects.Count > 0)
        {
            writer.WriteStartArray("objects");
            foreach (var obj in Objects)
            {
                obj.WriteTo(writer);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes the bundle as UTF-8 JSON to a stream.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="indented">Whether to indent the output.</param>
    public void WriteTo(Stream utf8Json, bool indented = false)
    {
        using var writer = new Utf8JsonWriter(utf8Json, indented ? StixJson.IndentedWriterOptions : StixJson.WriterOptions);
        WriteTo(writer);
    }

    /// <summary>Serialises the bundle to JSON text.</summary>
    /// <param name="indented">Whether to indent the output.</param>
    /// <returns>The JSON.</returns>
    public string ToJson(bool indented = false)
    {
        using var buffer = new MemoryStream();
        WriteTo(buffer, indented);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
