using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parley.Tests.Taxii;

/// A TAXII 2.1 client written from the OASIS specification, with nothing but HttpClient: it knows
/// the media type, the resources and the paging rules, and nothing of Parley's server types.
public sealed class SpecTaxiiClient
{
    public const string MediaType = "application/taxii+json;version=2.1";
    private readonly HttpClient _http;

    public SpecTaxiiClient(HttpClient http, string user, string password)
    {
        _http = http;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        _http.DefaultRequestHeaders.Accept.ParseAdd(MediaType);
    }

    /// GET a TAXII resource; the specification requires 200 and the TAXII media type.
    public async Task<JsonObject> GetAsync(string url)
    {
        var response = await _http.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        if (response.Content.Headers.ContentType?.ToString().Replace(" ", "") != MediaType) throw new InvalidOperationException($"GET {url}: Content-Type {response.Content.Headers.ContentType}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// Discovery → the default API root, or the first one listed.
    public async Task<string> FirstApiRootAsync()
    {
        var discovery = await GetAsync("/taxii2/");
        return (string?)discovery["default"] ?? (string)discovery["api_roots"]![0]!;
    }

    public async Task<List<JsonObject>> CollectionsAsync(string apiRoot) =>
        (await GetAsync($"{apiRoot}collections/"))["collections"]?.AsArray().Select(c => c!.AsObject()).ToList() ?? [];

    /// Every object of a collection, page by page with `limit` and `next` until `more` is false.
    public async Task<List<JsonObject>> AllObjectsAsync(string collectionUrl, int limit, string filters = "")
    {
        var all = new List<JsonObject>();
        string? next = null;
        do
        {
            var url = $"{collectionUrl}objects/?limit={limit}{filters}" + (next is null ? "" : $"&next={Uri.EscapeDataString(next)}");
            var envelope = await GetAsync(url);
            all.AddRange(envelope["objects"]?.AsArray().Select(o => o!.AsObject()) ?? []);
            next = envelope["more"]?.GetValue<bool>() == true ? (string?)envelope["next"] : null;
        }
        while (next is not null);
        return all;
    }

    /// POSTs an envelope, then reads the status resource it answers with, as a client that adds objects does.
    public async Task<JsonObject> AddAsync(string apiRoot, string collectionUrl, IEnumerable<JsonNode?> objects)
    {
        var body = new JsonObject { ["objects"] = new JsonArray(objects.Select(o => o?.DeepClone()).ToArray()) }.ToJsonString();
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(MediaType);
        var response = await _http.PostAsync($"{collectionUrl}objects/", content);
        if (response.StatusCode != HttpStatusCode.Accepted) throw new InvalidOperationException($"POST: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        while ((string?)status["status"] == "pending")
            status = await GetAsync($"{apiRoot}status/{status["id"]}/");
        return await GetAsync($"{apiRoot}status/{status["id"]}/");
    }

    public async Task<HttpStatusCode> DeleteAsync(string url) => (await _http.DeleteAsync(url)).StatusCode;
}
