using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parley.Requests;

/// Refuses U+0000 in any JSON string of a request body: no database keeps it in text (PostgreSQL
/// refuses it outright), so it must be a 400 naming the field, not a failure at save time.
public sealed class NoNulStrings : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        if (value is not null && value.Contains('\0')) throw new JsonException("The text holds a NUL character (U+0000).");
        return value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
