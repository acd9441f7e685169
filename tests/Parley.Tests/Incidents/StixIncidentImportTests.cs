using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Incidents.Import;
using Parley.Tests.Infrastructure;
using Parley.Tests.Taxii;

namespace Parley.Tests.Incidents;

/// STIX 2.1 `incident` objects (with the incident-core extension) enter the incident register
/// through the STIX importer, with what their relationships say about attribution and victims.
public abstract class StixIncidentImportTests(DatabaseKind kind) : AppTest(kind)
{
    private const string Created = "2016-03-01T09:00:00.000Z";

    private static (List<JsonObject> Objects, string IncidentId) Bundle()
    {
        var author = Sdo("identity", "Mandiant", new() { ["identity_class"] = "organization" });
        var victim = Sdo("identity", "U.S. Steel", new() { ["identity_class"] = "organization", ["sectors"] = new JsonArray("critical-manufacturing", "no-such-sector") });
        var country = Sdo("location", null, new() { ["country"] = "US" });
        var sponsor = Sdo("location", null, new() { ["country"] = "CN" });
        var apt1 = Sdo("intrusion-set", "Comment Crew", new());
        var incident = Sdo("incident", "Steel industry intrusion", new()
        {
            ["description"] = "Theft of trade secrets from a steel maker.",
            ["confidence"] = 75,
            ["created_by_ref"] = author["id"]!.GetValue<string>(),
            ["external_references"] = new JsonArray(new JsonObject { ["source_name"] = "DOJ", ["url"] = "https://www.justice.gov/opa/pr/apt1", ["description"] = "Indictment" }),
            ["extensions"] = new JsonObject
            {
                [StixIncidents.CoreExtension] = new JsonObject
                {
                    ["extension_type"] = "property-extension",
                    ["incident_types"] = new JsonArray("ip-theft", "something-else"),
                    ["determination"] = "confirmed",
                    ["investigation_status"] = "closed",
                },
            },
        });
        var id = incident["id"]!.GetValue<string>();
        List<JsonObject> objects = [author, victim, country, sponsor, apt1, incident,
            Rel(id, "attributed-to", apt1), Rel(id, "attributed-to", sponsor), Rel(id, "targets", victim), Rel(id, "targets", country)];
        return (objects, id);
    }

    [Fact]
    public async Task AnAnalystsBundle_PutsItsIncidentsInTheRegister_WithAttributionVictimsAndSources_AndOnlyOnce()
    {
        var (objects, id) = Bundle();
        var response = await App.As("us.analyst").PostRawAsync("/api/v1/stix/bundles", StixSamples.Bundle(objects));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.ReadAsync();
        Assert.Equal(0, summary.GetProperty("failed").GetInt32());
        Assert.Equal(1, summary.GetProperty("incidentRegister").GetProperty("imported").GetInt32());

        var incident = await SingleIncidentAsync();
        Assert.Equal("Steel industry intrusion", incident.Str("title"));
        Assert.Equal("2016-03-01", incident.Str("firstSeen"));
        Assert.Equal("high", incident.Str("confidence"));
        Assert.Equal("Mandiant", incident.Str("attributedBy"));
        Assert.Equal(["APT1"], incident.GetProperty("intrusionSets").EnumerateArray().Select(s => s.Str("name")));
        Assert.Equal(["CN"], Strings(incident, "sponsors"));
        Assert.Equal(["US"], Strings(incident, "victimCountries"));
        Assert.Equal(["U.S. Steel"], Strings(incident, "victimOrganisations"));
        Assert.Equal(["critical-manufacturing"], Strings(incident, "sectors"));
        Assert.Equal(["commercial-espionage"], Strings(incident, "categories"));
        Assert.Equal("https://www.justice.gov/opa/pr/apt1", incident.GetProperty("sources")[0].Str("url"));

        // The same bundle again: the objects are already held and the incident is merged, not duplicated.
        var again = await (await App.As("us.analyst").PostRawAsync("/api/v1/stix/bundles", StixSamples.Bundle(objects))).ReadAsync();
        Assert.Equal(1, again.GetProperty("incidentRegister").GetProperty("merged").GetInt32());
        Assert.Equal(0, again.GetProperty("incidentRegister").GetProperty("imported").GetInt32());
        await SingleIncidentAsync();
        Assert.Contains(id, await (await App.As("us.analyst").GetAsync("/api/v1/stix/bundles")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnOfficersBundle_SharesTheIncidentObject_ButLeavesTheRegisterAlone()
    {
        var (objects, _) = Bundle();
        var summary = await (await App.As("us.officer").PostRawAsync("/api/v1/stix/bundles", StixSamples.Bundle(objects))).ReadAsync();
        Assert.Equal(objects.Count, summary.GetProperty("stored").GetInt32());
        Assert.False(summary.TryGetProperty("incidentRegister", out var register) && register.ValueKind != JsonValueKind.Null);
        var list = await (await App.As("us.analyst").GetAsync("/api/v1/incidents/")).ReadAsync();
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ImportIncidentsFile_ReadsAStixBundle_AndRejectsAnIncidentWithoutAName_NamingIt()
    {
        var (objects, _) = Bundle();
        var nameless = Sdo("incident", null, new());
        objects.Add(nameless);
        var path = Path.Combine(Path.GetTempPath(), $"parley-stix-incidents-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, StixSamples.Bundle(objects));
        try
        {
            await using var scope = App.Services.CreateAsyncScope();
            var importer = new IncidentImporter(scope.ServiceProvider.GetRequiredService<Parley.Data.ParleyDbContext>(), App.Time);
            var (summary, error) = await IncidentImportFile.ImportAsync(importer, path, new(null, [], IncidentImportFile.DefaultSplit), null, default);
            Assert.Null(error);
            Assert.Equal((2, 1, 1), (summary!.Rows, summary.Imported, summary.Rejected));
            Assert.Contains(nameless["id"]!.GetValue<string>(), summary.Rejections[0].Where);
            Assert.Contains("title", summary.Rejections[0].Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task<JsonElement> SingleIncidentAsync()
    {
        var list = await (await App.As("us.analyst").GetAsync("/api/v1/incidents/")).ReadAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        return list.GetProperty("items")[0];
    }

    private static string[] Strings(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(v => v.GetString()!).ToArray();

    private static JsonObject Sdo(string type, string? name, JsonObject properties)
    {
        var obj = new JsonObject
        {
            ["type"] = type, ["spec_version"] = "2.1", ["id"] = StixSamples.NewId(type), ["created"] = Created, ["modified"] = Created,
        };
        if (name is not null) obj["name"] = name;
        foreach (var (key, value) in properties.ToList()) obj[key] = value?.DeepClone();
        return obj;
    }

    private static JsonObject Rel(string source, string kind, JsonObject target) => new()
    {
        ["type"] = "relationship", ["spec_version"] = "2.1", ["id"] = StixSamples.NewId("relationship"), ["created"] = Created, ["modified"] = Created,
        ["relationship_type"] = kind, ["source_ref"] = source, ["target_ref"] = target["id"]!.GetValue<string>(),
    };
}

public sealed class StixIncidentImportOnSqlite() : StixIncidentImportTests(DatabaseKind.Sqlite);

public sealed class StixIncidentImportOnPostgres() : StixIncidentImportTests(DatabaseKind.Postgres);
