using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Intel;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Taxii;

/// Shortcuts for the tests: the US-CN API root, its collections, posting envelopes as a seeded user.
public static class Taxii
{
    public const string Media = "application/taxii+json;version=2.1";
    public const string Root = "/taxii2/us-cn/";

    public static async Task<string> CollectionAsync(TestApp app, string? toAgency = null)
    {
        var collections = await app.WithDbAsync(async db =>
        {
            var dir = await app.Services.GetRequiredService<Parley.Directory.DirectoryCache>().GetAsync(db, default);
            return SharingCollection.For(dir.Mechanisms[app.Directory.Mechanism.Id], dir);
        });
        var c = toAgency is null ? collections[0] : collections.Single(x => x.RecipientAgency?.Code == toAgency);
        return $"{Root}collections/{c.Id}/";
    }

    public static HttpContent Content(JsonNode body, string contentType = Media)
    {
        var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    public static async Task<JsonElement> PostAsync(TestApp app, string user, string collectionUrl, params JsonObject[] objects)
    {
        var response = await app.As(user).PostAsync($"{collectionUrl}objects/", Content(StixSamples.Envelope(objects)));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var status = await response.ReadAsync();
        Assert.True(status.GetProperty("failure_count").GetInt32() == 0, status.ToString());
        return status;
    }

    public static async Task<JsonElement> GetAsync(TestApp app, string user, string url)
    {
        var response = await app.As(user).GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Media, response.Content.Headers.ContentType!.ToString().Replace(" ", ""));
        return await response.ReadAsync();
    }

    public static List<string> Ids(JsonElement envelope, string list = "objects") =>
        envelope.TryGetProperty(list, out var items) ? items.EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToList() : [];
}
