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
    public async Task Administrator_AddsPartyAgencyAndMechanism_AndRequestsCanFlowOnIt()
    {
        var admin = App.As("us.admin");
        var party = await admin.PutAsync("/api/v1/directory/parties/RU", System.Net.Http.Json.JsonContent.Create(new
        {
            code = "RU", name = "Russian Federation", timeZone = "Europe/Moscow",
            workingWeek = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" },
            calendarDays = new[] { new { date = "2026-05-09", kind = "holiday", name = "Victory Day" } },
        }));
        Assert.Equal(HttpStatusCode.OK, party.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/v1/directory/agencies", new { partyCode = "RU", code = "MVD", name = "Ministry of Internal Affairs" })).StatusCode);
        var mechanism = await admin.PostJsonAsync("/api/v1/directory/mechanisms", new
        {
            code = "US-RU", name = "US–Russia working group", agreementDate = "2013-06-17", parties = new[] { "US", "RU" },
            policies = new[] { new { priority = "routine", clock = "calendar", acknowledgeWithin = "1.00:00:00", firstAnswerWithin = "5.00:00:00", finalAnswerWithin = "30.00:00:00" } },
        });
        Assert.Equal(HttpStatusCode.Created, mechanism.StatusCode);

        var request = await App.As("us.officer").PostJsonAsync("/api/v1/requests", RequestBodiesFor("RU"));
        Assert.Equal(HttpStatusCode.Created, request.StatusCode);
        Assert.Equal("US-RU-2026-0001", (await request.ReadAsync()).Path("summary", "reference").GetString());
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
        var response = await App.As("us.admin").PutAsync("/api/v1/directory/parties/FR",
            System.Net.Http.Json.JsonContent.Create(new { code = "FR", name = "France", timeZone = "Europe/Atlantis" }));
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
