using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parley.Tests.Infrastructure;

public static class Json
{
    public static async Task<JsonElement> ReadAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object? body, string? ifMatch = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        if (ifMatch is not null) message.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(message);
    }

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string body) =>
        client.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;

    public static JsonElement Path(this JsonElement e, params string[] names) =>
        names.Aggregate(e, (current, name) => current.GetProperty(name));

    /// The field names a validation problem reports.
    public static IReadOnlyList<string> ErrorFields(this JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(p => p.Name).ToList() : [];

    public static JsonObject Obj(object anonymous) => JsonSerializer.SerializeToNode(anonymous)!.AsObject();
}
