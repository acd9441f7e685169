using System.Net;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Directory;

public sealed class DirectoryApiTests() : AppTest(DatabaseKind.Sqlite)
{
    [Fact]
    public async Task Mechanisms_ListPartiesRoundsAndPolicies()
    {
        var list = await (await App.As("cn.officer").GetAsync("/api/v1/directory/mechanisms")).ReadAsync();
        var mechanism = list.EnumerateArray().Single();
        Assert.Equal(["CN", "US"], mechanism.GetProperty("parties").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(3, mechanism.GetProperty("policies").GetArrayLength());
    }

    [Fact]
    public async Task Administrator_AddsAgencyAndMechanismOfTheirOwnParty_AndRequestsCanFlowOnIt()
    {
        var admin = App.As("us.admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/v1/directory/agencies", new { partyCode = "US", code = "NSA", name = "National Security Agency" })).StatusCode);
        var foreignAgency = await admin.PostJsonAsync("/api/v1/directory/agencies", new { partyCode = "GB", code = "NCSC", name = "National Cyber Security Centre" });
        Assert.Equal(["partyCode"], (await foreignAgency.ReadAsync()).ErrorFields());
        var withoutUs = await admin.PostJsonAsync("/api/v1/directory/mechanisms", new { code = "CN-GB", name = "CN–GB", agreementDate = "2015-10-21", parties = new[] { "CN", "GB" } });
        Assert.Equal(["parties"], (await withoutUs.ReadAsync()).ErrorFields());
        var mechanism = await admin.PostJsonAsync("/api/v1/directory/mechanisms", new
        {
            code = "US-GB", name = "US–UK working group", agreementDate = "2013-06-17", parties = new[] { "US", "GB" },
            policies = new[] { new { priority = "routine", clock = "calendar", acknowledgeWithin = "1.00:00:00", firstAnswerWithin = "5.00:00:00", finalAnswerWithin = "30.00:00:00" } },
        });
        Assert.Equal(HttpStatusCode.Created, mechanism.StatusCode);

        var request = await App.As("us.officer").PostJsonAsync("/api/v1/requests", RequestBodiesFor("GB"));
        Assert.Equal(HttpStatusCode.Created, request.StatusCode);
        Assert.Equal("US-GB-2026-0001", (await request.ReadAsync()).Path("summary", "reference").GetString());
    }

    private static object RequestBodiesFor(string party)
    {
        var body = Requests.RequestBodies.Valid("routine", toParty: party);
        return body;
    }

    [Fact]
    public async Task NonAdministrator_CannotWrite()
    {
        var response = await App.As("us.supervisor").PostJsonAsync("/api/v1/directory/agencies", new { partyCode = "US", code = "NSA", name = "NSA" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Party_WithUnknownTimeZone_Is400NamingTimeZone()
    {
        var response = await App.As("us.admin").PutAsync("/api/v1/directory/parties/US",
            System.Net.Http.Json.JsonContent.Create(new { code = "US", name = "United States", timeZone = "America/Atlantis" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["timeZone"], (await response.ReadAsync()).ErrorFields());
    }

    [Fact]
    public async Task OpenApiDocument_AndDocs_AreServed()
    {
        var doc = await (await App.Anonymous().GetAsync("/openapi/v1.json")).ReadAsync();
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/v1/requests/{id}/acknowledge", out _));
        Assert.Equal(HttpStatusCode.OK, (await App.Anonymous().GetAsync("/docs/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.Anonymous().GetAsync("/healthz")).StatusCode);
    }
}
