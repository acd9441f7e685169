using System.Text.Json;
using Parley.Requests;

namespace Parley.Incidents.Import;

/// Reads a JSON array of incident objects (the API's input form), one item at a time, so a bad item
/// is reported and the rest still import.
public static class JsonIncidentRows
{
    public static async IAsyncEnumerable<ImportRow> ReadAsync(Stream stream)
    {
        var index = 0;
        await foreach (var element in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, RequestJson.Options))
        {
            index++;
            IncidentInput? input = null;
            string? error = null;
            try
            {
                input = element.ValueKind == JsonValueKind.Object ? element.Deserialize<IncidentInput>(RequestJson.Options) : null;
                if (input is null) error = "not an incident object";
            }
            catch (JsonException e)
            {
                error = e.Message;
            }
            yield return new ImportRow($"item {index}", input, error);
        }
    }
}
