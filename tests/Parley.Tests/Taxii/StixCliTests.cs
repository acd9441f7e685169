using System.Text.Json.Nodes;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Taxii;

/// `parley import stix` and `parley export stix`, run as the real executable on the test app's database.
public sealed class StixCliTests() : AppTest(DatabaseKind.Sqlite)
{
    private string Db => new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(App.Storage.ConnectionString).DataSource;

    [Fact]
    public async Task ImportFolder_ThenExport_RoundTripsAsJson()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("parley-stix-").FullName;
        var first = StixBundleApiTests.Variety();
        var second = new List<JsonObject> { StixSamples.Indicator(), StixSamples.Ipv4("192.0.2.77") };
        await File.WriteAllTextAsync(Path.Combine(folder, "a.json"), StixSamples.Bundle(first));
        await File.WriteAllTextAsync(Path.Combine(folder, "b.json"), StixSamples.Bundle(second));

        var (exit, stdout, stderr) = await ParleyProcess.RunAsync("import", "stix", folder, "--agency", "MPS", "--db", Db);
        Assert.True(exit == 0, stderr);
        Assert.Contains("a.json: 7 stored", stdout);
        Assert.Contains("b.json: 2 stored", stdout);

        var output = Path.Combine(folder, "out.json");
        var (exported, _, exportErr) = await ParleyProcess.RunAsync("export", "stix", "--agency", "MSS", "--out", output, "--db", Db);
        Assert.True(exported == 0, exportErr);
        var objects = JsonNode.Parse(await File.ReadAllTextAsync(output))!["objects"]!.AsArray().ToList();
        var sent = first.Concat(second).ToList();
        Assert.Equal(sent.Count, objects.Count);
        foreach (var (a, b) in sent.Zip(objects)) Assert.True(JsonNode.DeepEquals(a, b), $"{a}\n≠\n{b}");
    }

    [Fact]
    public async Task Export_LeavesOutRedThatTheAgencyMayNotRead()
    {
        var file = Path.Combine(System.IO.Directory.CreateTempSubdirectory("parley-stix-").FullName, "red.json");
        var red = StixSamples.Indicator(marking: StixSamples.TlpRed);
        await File.WriteAllTextAsync(file, StixSamples.Bundle([red, StixSamples.Indicator(marking: StixSamples.TlpGreen)]));
        var (exit, _, stderr) = await ParleyProcess.RunAsync("import", "stix", file, "--agency", "FBI", "--to", "MPS", "--db", Db);
        Assert.True(exit == 0, stderr);

        foreach (var (agency, sees) in new[] { ("MPS", true), ("MSS", false), ("DHS", false) })
        {
            var (code, stdout, err) = await ParleyProcess.RunAsync("export", "stix", "--agency", agency, "--db", Db);
            Assert.True(code == 0, err);
            Assert.Equal(sees, stdout.Contains(red["id"]!.ToString()));
        }
    }

    [Fact]
    public async Task Import_BadObjectsAndBadFiles_ExitTwoAndSayWhere()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("parley-stix-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "bad-object.json"), StixSamples.Bundle([StixSamples.Indicator(), StixSamples.Indicator(pattern: "[x:y = ")]));
        await File.WriteAllTextAsync(Path.Combine(folder, "broken.json"), "{\"type\": \"bundle\", \"objects\": [");
        var (exit, stdout, stderr) = await ParleyProcess.RunAsync("import", "stix", folder, "--agency", "FBI", "--db", Db);
        Assert.Equal(2, exit);
        Assert.Contains("bad-object.json: 1 stored", stdout);
        Assert.Contains("objects[1]", stderr);
        Assert.Contains("broken.json", stderr);

        var (noAgency, _, noAgencyErr) = await ParleyProcess.RunAsync("import", "stix", folder, "--agency", "KGB", "--db", Db);
        Assert.Equal(2, noAgency);
        Assert.StartsWith("parley: no agency 'KGB'", noAgencyErr);
    }

    [Fact]
    public async Task ObjectsImportedWhileTheServerRuns_ReachTaxiiReaders_WithinASecond()
    {
        var shared = await Taxii.CollectionAsync(App);
        Assert.Empty(Taxii.Ids(await Taxii.GetAsync(App, "cn.officer", $"{shared}objects/")));

        var file = Path.Combine(System.IO.Directory.CreateTempSubdirectory("parley-stix-").FullName, "new.json");
        var sent = new List<JsonObject> { StixSamples.Indicator(), StixSamples.Ipv4("192.0.2.78") };
        await File.WriteAllTextAsync(file, StixSamples.Bundle(sent));
        var (exit, _, stderr) = await ParleyProcess.RunAsync("import", "stix", file, "--agency", "FBI", "--db", Db);
        Assert.True(exit == 0, stderr);

        App.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(sent.Select(o => o["id"]!.ToString()), Taxii.Ids(await Taxii.GetAsync(App, "cn.officer", $"{shared}objects/")));
    }
}
