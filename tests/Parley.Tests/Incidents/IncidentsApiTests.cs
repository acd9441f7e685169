using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Incidents;

public abstract class IncidentsApiTests(DatabaseKind kind) : AppTest(kind)
{
    private static object Incident(string title, string firstSeen, string[]? sponsors = null, string[]? victims = null, string[]? sectors = null,
        string[]? categories = null, string[]? sets = null, string? confidence = null) =>
        new { title, firstSeen, sponsors, victimCountries = victims, sectors, categories, intrusionSets = sets, confidence };

    private async Task<JsonElement> PostAsync(object body)
    {
        var response = await App.As("us.analyst").PostJsonAsync("/api/v1/incidents", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync();
    }

    [Fact]
    public async Task Register_ReadsNamesAndAliases_AndKeepsThePrecision()
    {
        var created = await PostAsync(new
        {
            title = "Steel maker intrusion", firstSeen = "2014-05", reported = "5/19/2014", sponsors = new[] { "People's Republic of China" },
            victimCountries = new[] { "U.S." }, victimOrganisations = new[] { "U.S. Steel" }, sectors = new[] { "critical manufacturing" },
            categories = new[] { "IP theft" }, intrusionSets = new[] { "comment crew" }, confidence = "high", attributedBy = "US DOJ indictment",
            sources = new[] { new { url = "https://www.justice.gov/opa/pr/us-charges-five-chinese-military-hackers", title = "DOJ press release" } },
        });
        Assert.Equal(("2014-05", "month", "2014-05-19"), (created.Str("firstSeen"), created.Str("firstSeenPrecision"), created.Str("reported")));
        Assert.Equal("CN", created.GetProperty("sponsors")[0].GetString());
        Assert.Equal("US", created.GetProperty("victimCountries")[0].GetString());
        Assert.Equal("critical-manufacturing", created.GetProperty("sectors")[0].GetString());
        Assert.Equal("commercial-espionage", created.GetProperty("categories")[0].GetString());
        Assert.Equal(("APT1", "intrusion-set--6a2e693f-24e5-451a-9f88-b36a108e5662"),
            (created.GetProperty("intrusionSets")[0].Str("name"), created.GetProperty("intrusionSets")[0].Str("stixId")));
        Assert.Equal("high", created.Str("confidence"));

        var read = await (await App.As("us.overseer").GetAsync($"/api/v1/incidents/{created.Str("id")}")).ReadAsync();
        Assert.Equal("Steel maker intrusion", read.Str("title"));
        var again = await App.As("us.analyst").PostJsonAsync("/api/v1/incidents", new { title = "steel maker  intrusion", firstSeen = "2014-05" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Register_BadInput_NamesEachField()
    {
        var response = await App.As("us.analyst").PostJsonAsync("/api/v1/incidents", new
        {
            title = "", firstSeen = "2015-13", sponsors = new[] { "China", "Atlantis" }, sectors = new[] { "underwater basket weaving" },
            categories = new[] { "espionage", "mischief" }, intrusionSets = new[] { "APT 999" }, confidence = "certain",
            sources = new[] { new { url = "ftp://x", title = (string?)null } }, requestIds = new[] { Guid.NewGuid() },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["categories[1]", "confidence", "firstSeen", "intrusionSets[0]", "sectors[0]", "sources[0].url", "sponsors[1]", "title"],
            (await response.ReadAsync()).ErrorFields().Order(StringComparer.Ordinal));
        var unknownRequest = await App.As("us.analyst").PostJsonAsync("/api/v1/incidents", new { title = "x", firstSeen = "2015", requestIds = new[] { Guid.NewGuid() } });
        Assert.Equal(["requestIds[0]"], (await unknownRequest.ReadAsync()).ErrorFields());
    }

    [Fact]
    public async Task Roles_OnlyAnalystsWrite_OverseersRead_AdministratorsDoNot()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("us.officer").PostJsonAsync("/api/v1/incidents", Incident("x", "2015"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("us.overseer").PostJsonAsync("/api/v1/incidents", Incident("x", "2015"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.As("us.overseer").GetAsync("/api/v1/incidents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("us.admin").GetAsync("/api/v1/incidents")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous().GetAsync("/api/v1/incidents/trend")).StatusCode);
    }

    [Fact]
    public async Task Commitments_RegisteredPerMechanism_AndAnIncidentMarksAPossibleBreach()
    {
        var commitment = await App.As("us.admin").PostJsonAsync("/api/v1/mechanisms/US-CN/commitments",
            new { code = "no-ip-theft", text = "No cyber-enabled theft of intellectual property for commercial advantage" });
        Assert.Equal(HttpStatusCode.Created, commitment.StatusCode);
        var commitmentId = (await commitment.ReadAsync()).Str("id");
        Assert.Equal(HttpStatusCode.Conflict, (await App.As("us.admin").PostJsonAsync("/api/v1/mechanisms/US-CN/commitments", new { code = "no-ip-theft", text = "again" })).StatusCode);
        Assert.Equal(["code"], (await (await App.As("us.admin").PostJsonAsync($"/api/v1/mechanisms/{App.Directory.Mechanism.Id}/commitments", new { code = "No IP", text = "x" })).ReadAsync()).ErrorFields());
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("us.analyst").GetAsync("/api/v1/mechanisms/XX-YY/commitments")).StatusCode);

        var request = await Parley.Tests.Requests.RequestBodies.SubmitAsync(App);
        var incident = await PostAsync(new
        {
            title = "Solar panel maker intrusion", firstSeen = "2016-01-12", sponsors = new[] { "CN" }, victimCountries = new[] { "US" },
            requestIds = new[] { Guid.Parse(request) }, breaches = new[] { new { commitmentId = Guid.Parse(commitmentId), note = "Trade secrets taken after the agreement." } },
        });
        Assert.Equal(request, incident.GetProperty("requestIds")[0].GetString());
        Assert.Equal("Trade secrets taken after the agreement.", incident.GetProperty("breaches")[0].Str("note"));
        var list = await (await App.As("us.analyst").GetAsync("/api/v1/mechanisms/US-CN/commitments")).ReadAsync();
        Assert.Equal(["no-ip-theft"], list.EnumerateArray().Select(c => c.Str("code")));

        var replaced = await App.As("us.analyst").PutAsJsonAsync($"/api/v1/incidents/{incident.Str("id")}", new { title = "Solar panel maker intrusion", firstSeen = "2016-01" });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var body = await replaced.ReadAsync();
        Assert.Equal((0, 0, "2016-01"), (body.GetProperty("breaches").GetArrayLength(), body.GetProperty("sponsors").GetArrayLength(), body.Str("firstSeen")));
        Assert.Equal(HttpStatusCode.NoContent, (await App.As("us.analyst").DeleteAsync($"/api/v1/incidents/{incident.Str("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("us.analyst").GetAsync($"/api/v1/incidents/{incident.Str("id")}")).StatusCode);
    }
}

public sealed class IncidentsApiOnSqlite() : IncidentsApiTests(DatabaseKind.Sqlite);

public sealed class IncidentsApiOnPostgres() : IncidentsApiTests(DatabaseKind.Postgres);
