using System.Net.Http.Json;
using System.Net;
using System.Text;
using Parley.Data;
using Parley.Incidents.Import;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Incidents;

public abstract class IncidentImportTests(DatabaseKind kind) : AppTest(kind)
{
    /// A tracker-style export with the usual mess; the comment after each row says what must happen to it.
    private const string Messy =
        "Title,Date,Description,Affiliations,Sponsor,Victim countries,Victims,Type,Category,Sources_1,Sources_2\n" + // line 1
        "APT1 steel intrusion,5/19/2014,\"Theft of \"\"trade secrets\"\"\nacross two lines\",APT 1,China,United States,U.S. Steel,Espionage,Private sector,https://ex.org/a,\n" + // 2–3 imported
        "OPM personnel records,2015-06,Background checks,Deep Panda,People's Republic of China,USA,OPM,Data theft,Government,https://ex.org/opm,Washington Post\n" + // 4 imported, month only
        "\n" + // 5 empty
        "Atlantis power grid,2016,,Unknown Crew,China,Atlantis,,Sabotage,Energy,,\n" + // 6 rejected: unknown country
        ",2015-03-01,no title,,China,US,,Espionage,,,\n" + // 7 rejected: no title
        "apt1 steel  intrusion,5/19/2014,,APT1,China,United States,,Espionage,Private sector,https://ex.org/b,\n" + // 8 merged into line 2
        "Sony Pictures wiper,2014-11-24,Wiper,Guardians of Peace,North Korea,US,Sony Pictures Entertainment,Sabotage,Private sector,,\n" + // 9 imported
        "Bad \"quote,2015-01-01,,,,,,,,,\n" + // 10 rejected: malformed quoting
        "Date nonsense,2015-13-45,,,China,US,,Espionage,,,\n" + // 11 rejected: bad date
        "\"Anthem, a health insurer\",2015-02,Records of 78 million people,Black Vine,China,US,Anthem,Data theft,Healthcare,\"https://ex.org/anthem https://ex.org/anthem2\",\n" + // 12 imported
        ",,,,,,,,,,\n" + // 13 empty cells only
        "Grid outage,2017,,,Russia,Ukraine,,Disruption,Energy,,"; // 14 imported, year only, no final newline

    private async Task<(ImportSummary? Summary, string? Error)> ImportAsync(string content, string extension = ".csv", IncidentImportFile.Options? options = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"parley-import-{Guid.NewGuid():N}{extension}");
        await File.WriteAllTextAsync(path, content, Encoding.UTF8);
        try
        {
            await using var scope = App.Services.CreateAsyncScope();
            var importer = new IncidentImporter(scope.ServiceProvider.GetRequiredService<ParleyDbContext>(), App.Time);
            return await IncidentImportFile.ImportAsync(importer, path, options ?? new(null, [], IncidentImportFile.DefaultSplit), null, default);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ImportMessyCsv_CountsImportedMergedAndRejectedRows_WithLineNumbers()
    {
        var (summary, error) = await ImportAsync(Messy);
        Assert.Null(error);
        Assert.Equal((10, 5, 1, 4), (summary!.Rows, summary.Imported, summary.Merged, summary.Rejected));
        Assert.Equal(["line 6", "line 7", "line 10", "line 11"], summary.Rejections.Select(r => r.Where));
        Assert.Contains("'Atlantis' is not a country", summary.Rejections[0].Message);
        Assert.Contains("title", summary.Rejections[1].Message);
        Assert.Contains("malformed", summary.Rejections[2].Message);
        Assert.Contains("'2015-13-45' is not a date", summary.Rejections[3].Message);
        Assert.Empty(summary.IgnoredColumns);

        var list = await (await App.As("us.analyst").GetAsync("/api/v1/incidents?pageSize=50")).ReadAsync();
        Assert.Equal(5, list.GetProperty("total").GetInt32());
        var items = list.GetProperty("items").EnumerateArray().ToList();
        var steel = items.Single(i => i.Str("title") == "APT1 steel intrusion");
        Assert.Equal("2014-05-19", steel.Str("firstSeen"));
        Assert.Equal("Theft of \"trade secrets\"\nacross two lines", steel.Str("description"));
        Assert.Equal("APT1", steel.GetProperty("intrusionSets")[0].Str("name"));
        Assert.Equal(["CN"], steel.GetProperty("sponsors").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["https://ex.org/a", "https://ex.org/b"], steel.GetProperty("sources").EnumerateArray().Select(s => s.Str("url")).Order());
        Assert.Equal(["U.S. Steel"], steel.GetProperty("victimOrganisations").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["government-espionage"], steel.GetProperty("categories").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["private-sector"], steel.GetProperty("sectors").EnumerateArray().Select(e => e.GetString()));
        var opm = items.Single(i => i.Str("title") == "OPM personnel records");
        Assert.Equal(("2015-06", "month"), (opm.Str("firstSeen"), opm.Str("firstSeenPrecision")));
        Assert.Equal(["Washington Post"], opm.GetProperty("sources").EnumerateArray().Where(s => s.Str("url") is null).Select(s => s.Str("title")));
        Assert.Equal(2, items.Single(i => i.Str("title") == "Anthem, a health insurer").GetProperty("sources").GetArrayLength());
        Assert.Equal(("2017", "year"), (items.Single(i => i.Str("title") == "Grid outage").Str("firstSeen"), items.Single(i => i.Str("title") == "Grid outage").Str("firstSeenPrecision")));
    }

    [Fact]
    public async Task ImportTwice_CreatesNoDuplicates_AndCountsEveryGoodRowAsMerged()
    {
        await ImportAsync(Messy);
        var (again, _) = await ImportAsync(Messy);
        Assert.Equal((10, 0, 6, 4), (again!.Rows, again.Imported, again.Merged, again.Rejected));
        Assert.Equal(5, (await (await App.As("us.analyst").GetAsync("/api/v1/incidents")).ReadAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ImportWithMapping_AndUnknownIntrusionSet_WarnsAndKeepsTheRow()
    {
        const string csv = "Name of operation,When,Who\nOperation X,2016-03-02,Unknown Crew;APT 3\n";
        var options = new IncidentImportFile.Options("none", ["Name of operation=title", "When=first-seen", "Who=intrusion-sets"], ";");
        var (summary, error) = await ImportAsync(csv, options: options);
        Assert.Null(error);
        Assert.Equal((1, 1, 0), (summary!.Rows, summary.Imported, summary.Rejected));
        Assert.Equal("line 2", Assert.Single(summary.Warnings).Where);
        var item = (await (await App.As("us.analyst").GetAsync("/api/v1/incidents")).ReadAsync()).GetProperty("items")[0];
        Assert.Equal("APT3", Assert.Single(item.GetProperty("intrusionSets").EnumerateArray()).Str("name"));
    }

    [Fact]
    public async Task ImportJson_ReportsBadItemsByPosition_AndImportsTheRest()
    {
        const string json = """
            [
              { "title": "Equifax", "firstSeen": "2017-05", "sponsors": ["China"], "victimCountries": ["US"], "categories": ["data-theft"], "id": "eq-1" },
              { "title": "No date" },
              42,
              { "title": "Equifax again", "firstSeen": "2017-05-13", "id": "eq-1", "sectors": ["financial-services"] }
            ]
            """;
        var (summary, _) = await ImportAsync(json, ".json");
        Assert.Equal((4, 1, 1, 2), (summary!.Rows, summary.Imported, summary.Merged, summary.Rejected));
        Assert.Equal(["item 2", "item 3"], summary.Rejections.Select(r => r.Where));
    }

    /// The sponsor-and-victim filter reads derived pair rows; they must follow every way an incident changes.
    [Fact]
    public async Task SponsorAndVictimFilter_FollowsImportMergeAndReplace()
    {
        async Task<int> CountAsync(string sponsor, string victim) =>
            (await (await App.As("us.overseer").GetAsync($"/api/v1/incidents/trend?interval=year&sponsor={sponsor}&victim={victim}")).ReadAsync())
            .GetProperty("incidents").GetInt32();

        const string header = "Title,Date,Description,Affiliations,Sponsor,Victim countries,Victims,Type,Category,Sources_1\n";
        Assert.Null((await ImportAsync(header + "Pipeline intrusion,2014-03-02,,APT1,China,United States,,Espionage,Energy,\n")).Error);
        Assert.Equal((1, 0), (await CountAsync("CN", "US"), await CountAsync("CN", "GB")));

        // The same row again, now also naming a British victim and a second sponsor: merged, and both new pairs count.
        var (merged, _) = await ImportAsync(header + "Pipeline intrusion,2014-03-02,,APT1,\"China; Russia\",\"United States; United Kingdom\",,Espionage,Energy,\n");
        Assert.Equal(1, merged!.Merged);
        Assert.Equal((1, 1, 1, 1), (await CountAsync("CN", "US"), await CountAsync("CN", "GB"), await CountAsync("RU", "GB"), await CountAsync("CN,RU", "US,GB")));

        // Replaced through the API with Japan as the only victim: the old pairs are gone.
        var list = await (await App.As("us.analyst").GetAsync("/api/v1/incidents")).ReadAsync();
        var id = list.GetProperty("items")[0].Str("id");
        var put = await App.As("us.analyst").PutAsJsonAsync($"/api/v1/incidents/{id}",
            new { title = "Pipeline intrusion", firstSeen = "2016-05", sponsors = new[] { "CN" }, victimCountries = new[] { "JP" }, categories = new[] { "commercial-espionage" }, confidence = "high" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal((0, 0, 0, 1), (await CountAsync("CN", "US"), await CountAsync("CN", "GB"), await CountAsync("RU", "GB"), await CountAsync("CN", "JP")));
        // …and counted in its new month, by the facet-only count (with or without dates) and the general one alike.
        foreach (var query in new[] { "sponsor=CN&victim=JP", "sponsor=CN&category=commercial-espionage", "sponsor=CN&victim=JP&from=2010", "sponsor=CN&victim=JP&minConfidence=low&from=2016-05&to=2016-05-31" })
        {
            var trend = await (await App.As("us.overseer").GetAsync($"/api/v1/incidents/trend?interval=month&{query}")).ReadAsync();
            var periods = trend.GetProperty("periods").EnumerateArray().Select(p => p.GetString()).ToList();
            var counts = trend.GetProperty("series")[0].GetProperty("counts").EnumerateArray().Select(c => c.GetInt32()).ToList();
            Assert.Equal(1, counts[periods.IndexOf("2016-05")]);
            Assert.Equal(1, counts.Sum());
        }
    }

    [Fact]
    public async Task Import_UnknownProfileOrBadMap_IsAnError()
    {
        Assert.Contains("profile", (await ImportAsync(Messy, options: new("cfr", [], ";"))).Error);
        Assert.Contains("--map", (await ImportAsync(Messy, options: new(null, ["Title"], ";"))).Error);
        Assert.Equal(HttpStatusCode.OK, (await App.As("us.analyst").GetAsync("/api/v1/incidents")).StatusCode);
    }
}

public sealed class IncidentImportOnSqlite() : IncidentImportTests(DatabaseKind.Sqlite);

public sealed class IncidentImportOnPostgres() : IncidentImportTests(DatabaseKind.Postgres);
