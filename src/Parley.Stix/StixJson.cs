using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parley.Stix;

/// <summary>Shared JSON settings and small helpers for reading STIX properties.</summary>
internal static class StixJson
{
    // STIX content is JSON, not HTML: keep non-ASCII text as it was sent instead of \uXXXX escapes.
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly JsonWriterOptions IndentedWriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = true,
    };

    public static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = 128,
        // Duplicate keys make "the" value of a property ambiguous; refuse them.
        AllowDuplicateProperties = false,
    };

    public static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };

    public static string? GetString(JsonObject obj, string name) =>
        obj.TryGetPropertyValue(name, out var node) && node is JsonValue value &&
        value.TryGetValue<string>(out var text) ? text : null;

    public static IReadOnlyList<string> GetStringList(JsonObject obj, string name)
    {
        if (!obj.TryGetPropertyValue(name, out var node) || node is not JsonArray array)
        {
            return [];
        }

        var result = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is JsonValue value && value.TryGetValue<string>(out var text))
            {
                result.Add(text);
            }
        }

        return result;
    }

    public static bool IsString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String;

    public static string ToJsonString(JsonNode node, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, indented ? IndentedWriterOptions : WriterOptions))
        {
            node.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// Well-formed JSON text without the whitespace between tokens: a byte scan that drops the four
    /// JSON whitespace bytes outside strings (it tracks strings and their escapes) and keeps the rest as is.
    /// </summary>
    public static string Compact(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.IndexOfAny(" \t\r\n"u8) < 0)
        {
            return System.Text.Encoding.UTF8.GetString(utf8Json);
        }

        var compact = new byte[utf8Json.Length];
        var length = 0;
        var inString = false;
        var escaped = false;
        foreach (var b in utf8Json)
        {
            if (inString)
            {
                if (escaped)
                {
                    escaped = false;
                }
                else if (b == (byte)'\\')
                {
                    escaped = true;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }
            }
            else if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }
            else if (b == (byte)'"')
            {
                inString = true;
            }

            compact[length++] = b;
        }

        return System.Text.Encoding.UTF8.GetString(compact, 0, length);
    }

    public static JsonObject ParseObject(ReadOnlySpan<byte> utf8Json, string what)
    {
        // The JSON reader checks structure, not the UTF-8 inside strings; a bad byte would surface later
        // as an InvalidOperationException wherever the string is first read.
        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
            throw new StixFormatException($"The {what} is not valid UTF-8.");
        JsonElement root;
        try
        {
            // One copy of the text, owned by the element (no pooled buffers to return, nothing to clone).
            root = JsonElement.Parse(utf8Json, DocumentOptions);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string holding a lone surrogate escape such as "\ud800".
            throw new StixFormatException($"The {what} is not well-formed JSON: {ex.Message}", ex);
        }

        return root.ValueKind == JsonValueKind.Object
            ? JsonObject.Create(root, NodeOptions)!
            : throw new StixFormatException($"The {what} must be a JSON object, not {Describe(root.ValueKind)}.");
    }

    public static JsonObject JsonObjectFrom(JsonElement element, string what)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new StixFormatException($"The {what} must be a JSON object, not {Describe(element.ValueKind)}.");
        }

        return JsonObject.Create(element.Clone(), NodeOptions)!;
    }

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "an object",
    };
}
