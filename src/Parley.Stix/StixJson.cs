using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
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

    /// <summary>The property as a string; null when it is absent, not a string, or the element is not an object.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string? GetString(JsonElement obj, string name) =>
        TryGet(obj, name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The strings of an array property, other items skipped; empty when it is absent, not an array, or the
    /// element is not an object.</summary>
    public static IReadOnlyList<string> GetStringList(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var result = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                result.Add(item.GetString()!);
            }
        }

        return result;
    }

    /// <summary>The property's value when the element is an object that has it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>A node as a JSON element of its own (a copy): what the validator reads.</summary>
    public static JsonElement ToElement(JsonNode? node) => JsonSerializer.SerializeToElement(node, SerializerOptions);

    // For nodes: STIX text as it was sent, not \uXXXX escapes; as deep as a parsed object may be.
    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = DocumentOptions.MaxDepth,
    };

    public static string ToJsonString(JsonNode node, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, indented ? IndentedWriterOptions : WriterOptions))
        {
            node.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t\r\n"u8);
    private static readonly SearchValues<byte> OutsideStrings = SearchValues.Create(" \t\r\n\""u8);
    private static readonly SearchValues<byte> InsideStrings = SearchValues.Create("\"\\"u8);

    /// <summary>
    /// Well-formed JSON text without the whitespace between tokens: drops the four JSON whitespace bytes
    /// outside strings and keeps the rest as is. It jumps from one byte that matters to the next (a quote or
    /// whitespace outside strings; a quote or backslash inside), copying the runs between them whole.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Compact(ReadOnlySpan<byte> utf8Json)
    {
        // Machine-written objects often hold no whitespace at all, not even in their strings: one scan tells.
        if (!utf8Json.ContainsAny(Whitespace)) return Encoding.UTF8.GetString(utf8Json);
        byte[]? compact = null;
        var length = 0;
        var copiedTo = 0;
        var at = 0;
        while (at < utf8Json.Length)
        {
            var next = utf8Json[at..].IndexOfAny(OutsideStrings);
            if (next < 0) break;
            at += next;
            if (utf8Json[at] == (byte)'"')
            {
                at = EndOfString(utf8Json, at + 1);
                continue;
            }
            compact ??= new byte[utf8Json.Length];
            utf8Json[copiedTo..at].CopyTo(compact.AsSpan(length));
            length += at - copiedTo;
            copiedTo = ++at;
        }
        if (compact is null) return Encoding.UTF8.GetString(utf8Json);
        utf8Json[copiedTo..].CopyTo(compact.AsSpan(length));
        length += utf8Json.Length - copiedTo;
        return Encoding.UTF8.GetString(compact, 0, length);
    }

    // The index just past the quote that closes the string whose text starts at `at`.
    private static int EndOfString(ReadOnlySpan<byte> utf8Json, int at)
    {
        while (at < utf8Json.Length)
        {
            var next = utf8Json[at..].IndexOfAny(InsideStrings);
            if (next < 0) return utf8Json.Length;
            at += next;
            if (utf8Json[at] == (byte)'"') return at + 1;
            at += 2; // a backslash and the byte it escapes
        }
        return utf8Json.Length;
    }

    public static JsonObject ParseObject(ReadOnlySpan<byte> utf8Json, string what) =>
        JsonObject.Create(ParseObjectElement(utf8Json, what), NodeOptions)!;

    /// <summary>Parses JSON text that must be one object; <paramref name="what"/> names it in the error.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static JsonElement ParseObjectElement(ReadOnlySpan<byte> utf8Json, string what)
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
            ? root
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
