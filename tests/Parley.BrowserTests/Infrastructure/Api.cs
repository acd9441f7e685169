using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Parley.BrowserTests.Infrastructure;

/// Sets up cases through the API (as a seeded user's token), so that a browser test starts where it matters.
public static class Api
{
    public static HttpClient As(WebServer server, string userName)
    {
        var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.Directory.Tokens[userName]);
        return client;
    }

    /// Submits a request from the US officer to CN and returns its id and reference.
    public static async Task<(string Id, string Reference)> SubmitAsync(WebServer server, string priority = "urgent", string subject = "Phishing servers")
    {
        using var client = As(server, "us.officer");
        var response = await client.PostAsJsonAsync("/api/v1/requests", new
        {
            mechanism = "US-CN", toParty = "CN", kind = "information", priority, tlp = "amber", subject,
            narrative = "Spear-phishing mail came from servers in your territory.",
            indicators = new[] { new { type = "ipv4", value = "198.51.100.23" } },
        });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var summary = body.RootElement.GetProperty("summary");
        return (summary.GetProperty("id").GetString()!, summary.GetProperty("reference").GetString()!);
    }

    /// The US officer escalates the request by hand: it goes to CN's desk officers (level 1).
    public static async Task EscalateAsync(WebServer server, string requestId)
    {
        using var client = As(server, "us.officer");
        var response = await client.PostAsJsonAsync($"/api/v1/requests/{requestId}/escalations", new { reason = "No acknowledgement by phone either." });
        response.EnsureSuccessStatusCode();
    }
}
