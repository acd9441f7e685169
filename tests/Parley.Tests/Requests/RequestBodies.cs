using System.Text.Json.Nodes;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Requests;

public static class RequestBodies
{
    public static JsonObject Valid(string priority = "high", bool draft = false, string toParty = "CN", string? toAgency = null) => Json.Obj(new
    {
        toParty,
        toAgency,
        kind = "information",
        priority,
        subject = "Intrusion into a US steel producer's mail server",
        narrative = "Between 2026-01-10 and 2026-02-20 an actor exfiltrated mail from a US steel producer through servers hosted in CN.",
        activityStart = "2026-01-10T00:00:00Z",
        activityEnd = "2026-02-20T00:00:00Z",
        sector = "critical manufacturing",
        victims = "A US steel producer",
        tlp = "amber",
        legalBasis = "2015 US–China agreement, guidelines for requesting assistance §2",
        indicators = new object[]
        {
            new { type = "ipv4", value = "203.0.113.7" },
            new { type = "domain", value = "update.example-cdn.com" },
            new { type = "file-hash", value = "44D88612FEA8A8F36DE82E1278ABB02F", hashAlgorithm = "MD5" },
        },
        draft,
    });

    /// Submits a request from us.officer to CN and returns its id.
    public static async Task<string> SubmitAsync(TestApp app, string priority = "high", string from = "us.officer", string toParty = "CN")
    {
        var response = await app.As(from).PostJsonAsync("/api/v1/requests", Valid(priority, toParty: toParty));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadAsync()).Path("summary", "id").GetString()!;
    }
}
