using System.Text.Json;
using Parley.Intel;

namespace Parley.Taxii;

/// A page of a TAXII list (envelope, manifest or versions), with the X-TAXII-Date-Added headers.
/// Objects are written as stored, without being parsed again.
public sealed class TaxiiPage(string listName, bool more, string? next, IReadOnlyList<TaxiiPage.Item> items) : IResult
{
    /// One element: raw JSON (objects, as text or as UTF-8) or a value to serialise (manifest entries, version strings).
    public sealed record Item(DateTime DateAdded, string? RawJson, object? Value, ReadOnlyMemory<byte> RawUtf8 = default);

    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = 200;
        http.Response.ContentType = TaxiiMedia.Type;
        if (items.Count > 0)
        {
            http.Response.Headers["X-TAXII-Date-Added-First"] = StoredVersions.Format(items[0].DateAdded);
            http.Response.Headers["X-TAXII-Date-Added-Last"] = StoredVersions.Format(items[^1].DateAdded);
        }
        await using var writer = new Utf8JsonWriter(http.Response.BodyWriter, new JsonWriterOptions { Encoder = TaxiiResult.Options.Encoder });
        writer.WriteStartObject();
        writer.WriteBoolean("more", more);
        if (more && next is not null) writer.WriteString("next", next);
        if (items.Count > 0)
        {
            writer.WriteStartArray(listName);
            foreach (var item in items)
            {
                if (!item.RawUtf8.IsEmpty) writer.WriteRawValue(item.RawUtf8.Span, skipInputValidation: true);
                else if (item.RawJson is not null) writer.WriteRawValue(item.RawJson, skipInputValidation: true);
                else JsonSerializer.Serialize(writer, item.Value, item.Value!.GetType(), TaxiiResult.Options);
                if (writer.BytesPending > 16 * 1024) await writer.FlushAsync(http.RequestAborted);
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
        await writer.FlushAsync(http.RequestAborted);
    }
}
