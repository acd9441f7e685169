using System.Text;
using CsCheck;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Parley.Incidents.Import;
using Parley.Data;
using Parley.Tests.Infrastructure;
using Parley.Tests.Isolation;
using Parley.Tests.Requests;
using Parley.Tests.Taxii;
using TaxiiKit = Parley.Tests.Taxii.Taxii;

namespace Parley.Tests.Robustness;

/// Random and mutated input at every write endpoint, the STIX importer (bundles and TAXII) and the
/// incident CSV import: never a 500, never a row written by a refused request, memory bounded.
/// Iteration counts keep the suite well under a minute per database.
public abstract class PropertyTests(DatabaseKind kind) : AppTest(kind)
{
    private const long MemoryBound = 256L * 1024 * 1024;
    private static readonly string[] Callers = ["us.officer", "us.supervisor", "us.hotline", "us.analyst", "us.admin", "cn.officer", "gb.officer"];

    [Fact]
    public async Task EveryWriteEndpoint_SurvivesRandomAndMutatedJson()
    {
        var scenario = await IsolationScenario.SeedAsync(App);
        var writes = EndpointCatalogue.Read(App.Services)
            .Where(e => !e.IsPage && e.Method is "POST" or "PUT" or "PATCH" && !e.Pattern.StartsWith("/taxii2")).ToList();
        Assert.True(writes.Count > 40, $"only {writes.Count} write endpoints found");
        var valid = new[]
        {
            RequestBodies.Valid().ToJsonString(),
            """{"title":"Steel producer intrusion","firstSeen":"2015-09","sponsors":["CN"],"victimCountries":["US"]}""",
            """{"mechanism":"US-CN","subject":"Intrusion","calls":[{"party":"CN","user":"cn.hotline"}]}""",
            """{"user":"us.hotline","startsAt":"2026-05-02T08:00","endsAt":"2026-05-02T20:00"}""",
            """{"url":"https://hooks.test/p","events":["*"]}""",
            """{"answerWithin":"02:00:00","every":"30.00:00:00","nextRunAt":"2026-04-01T00:00:00Z"}""",
            """{"completeness":3,"relevance":4,"actionability":5,"outcome":"resolved","comment":"ok","message":"m","reason":"r"}""",
        };
        var body = Gen.Frequency((1, RandomJson.Document), (1, RandomJson.Mutated(valid)));
        var before = GC.GetTotalMemory(true);

        await Gen.Select(Gen.Int[0, writes.Count - 1], Gen.Int[0, Callers.Length - 1], body).SampleAsync(async t =>
        {
            var (endpointIndex, callerIndex, json) = t;
            var endpoint = writes[endpointIndex];
            var rows = await RowCounts.TotalAsync(App);
            var http = await SendAsync(endpoint.Method, scenario.Fill(endpoint, missing: false), Encoding.UTF8.GetBytes(json), "application/json", scenario.Tokens[Callers[callerIndex]]);
            var status = http.Response.StatusCode;
            Assert.True(status < 500, $"{endpoint.Key} as {Callers[callerIndex]}: {status} {http.Body()}");
            if (status >= 400)
                Assert.True(rows == await RowCounts.TotalAsync(App), $"{endpoint.Key} as {Callers[callerIndex]} answered {status} but wrote rows");
        }, iter: 250, threads: 1, print: t => $"{writes[t.Item1].Key} as {Callers[t.Item2]}: {Truncate(t.Item3)}");

        Assert.InRange(GC.GetTotalMemory(true) - before, long.MinValue, MemoryBound);
    }

    [Fact]
    public async Task StixImporter_SurvivesRandomBytesAndMutatedBundles()
    {
        var bundle = Encoding.UTF8.GetBytes(StixSamples.Bundle([StixSamples.Indicator(), StixSamples.IntrusionSet("APT1"), StixSamples.Ipv4("203.0.113.9")]));
        var envelope = Encoding.UTF8.GetBytes(StixSamples.Envelope([StixSamples.Indicator(), StixSamples.Ipv4("203.0.113.10")]).ToJsonString());
        var bytes = Gen.Frequency(
            (1, Gen.Byte.Array[0, 4096]),
            (2, Gen.Select(Gen.Bool, Gen.Int[0, 4095].Array[1, 8], Gen.Byte.Array[1, 8], Gen.Int[0, 2]).Select(m => Mutate(m.Item1 ? bundle : envelope, m.Item2, m.Item3, m.Item4))),
            (1, RandomJson.Document.Select(Encoding.UTF8.GetBytes)));
        var before = GC.GetTotalMemory(true);

        await Gen.Select(Gen.Bool, bytes).SampleAsync(async t =>
        {
            var (taxii, payload) = t;
            var rows = await RowCounts.TotalAsync(App);
            var http = taxii
                ? await SendAsync("POST", TaxiiKit.Root + "collections/" + await SharedCollectionAsync() + "/objects/", payload, TaxiiKit.Media, App.Directory.Tokens["us.officer"])
                : await SendAsync("POST", "/api/v1/stix/bundles", payload, "application/json", App.Directory.Tokens["us.officer"]);
            var status = http.Response.StatusCode;
            Assert.True(status < 500, $"{(taxii ? "TAXII" : "bundle")}: {status} {http.Body()}");
            if (status >= 400) Assert.True(rows == await RowCounts.TotalAsync(App), $"answered {status} but wrote rows");
        }, iter: 150, threads: 1, print: t => $"{(t.Item1 ? "TAXII" : "bundle")} {t.Item2.Length} bytes: {Truncate(Encoding.UTF8.GetString(t.Item2))}");

        Assert.InRange(GC.GetTotalMemory(true) - before, long.MinValue, MemoryBound);
    }

    [Fact]
    public async Task IncidentCsvImport_SurvivesRandomAndMutatedCsv()
    {
        var csv = Encoding.UTF8.GetBytes(
            "Title,Date,Description,Affiliations,Sponsor,Victim countries,Victims,Type,Category,Sources_1\n" +
            "APT1 steel intrusion,5/19/2014,\"Theft of \"\"trade secrets\"\"\",APT 1,China,United States,U.S. Steel,Espionage,Private sector,https://ex.org/a\n" +
            "OPM personnel records,2015-06,Background checks,Deep Panda,China,USA,OPM,Data theft,Government,https://ex.org/opm\n");
        var bytes = Gen.Frequency(
            (1, Gen.Byte.Array[0, 2048]),
            (1, Gen.String.Select(Encoding.UTF8.GetBytes)),
            (3, Gen.Select(Gen.Int[0, 4095].Array[1, 8], Gen.OneOf((byte)',', (byte)'"', (byte)'\n', (byte)'\r', (byte)';', (byte)0, (byte)0xFF).Array[1, 8], Gen.Int[0, 2])
                .Select(m => Mutate(csv, m.Item1, m.Item2, m.Item3))));
        var before = GC.GetTotalMemory(true);
        var path = Path.Combine(Path.GetTempPath(), $"parley-fuzz-{Guid.NewGuid():N}.csv");
        try
        {
            await bytes.SampleAsync(async content =>
            {
                await File.WriteAllBytesAsync(path, content);
                var rows = await RowCounts.TotalAsync(App);
                await using var scope = App.Services.CreateAsyncScope();
                var importer = new IncidentImporter(scope.ServiceProvider.GetRequiredService<ParleyDbContext>(), App.Time);
                var (summary, error) = await IncidentImportFile.ImportAsync(importer, path, new(null, [], IncidentImportFile.DefaultSplit), null, default);
                Assert.True(summary is not null || error is not null);
                if (error is not null || summary!.Imported + summary.Merged == 0)
                    Assert.True(rows == await RowCounts.TotalAsync(App), $"nothing imported ({error}) but rows were written");
            }, iter: 150, threads: 1, print: c => Truncate(Encoding.UTF8.GetString(c)));
        }
        finally { File.Delete(path); }

        Assert.InRange(GC.GetTotalMemory(true) - before, long.MinValue, MemoryBound);
    }

    private string? _collection;

    private async Task<string> SharedCollectionAsync()
    {
        if (_collection is not null) return _collection;
        var client = App.As("us.officer");
        client.DefaultRequestHeaders.Accept.ParseAdd(TaxiiKit.Media);
        var json = await (await client.GetAsync(TaxiiKit.Root + "collections/")).ReadAsync();
        return _collection = json.GetProperty("collections")[0].Str("id");
    }

    /// Overwrites (0), inserts (1) or truncates (2) at the given offsets.
    private static byte[] Mutate(byte[] source, int[] offsets, byte[] values, int how)
    {
        var list = source.ToList();
        for (var i = 0; i < offsets.Length; i++)
        {
            var at = offsets[i] % Math.Max(1, list.Count);
            if (how == 0 && list.Count > 0) list[at] = values[i % values.Length];
            else if (how == 1) list.Insert(at, values[i % values.Length]);
            else if (list.Count > 0) list.RemoveRange(at, list.Count - at);
        }
        return list.ToArray();
    }

    private static string Truncate(string s) => s.Length <= 300 ? s : s[..300] + $"… ({s.Length} chars)";

    private Task<HttpContext> SendAsync(string method, string path, byte[] body, string contentType, string token) =>
        App.Server.SendAsync(c =>
        {
            c.Request.Method = method;
            c.Request.Path = path;
            c.Request.Headers.Authorization = "Bearer " + token;
            c.Request.Headers.Accept = contentType.Contains("taxii") ? contentType : "application/json";
            c.Request.ContentType = contentType;
            c.Request.ContentLength = body.Length;
            c.Request.Body = new MemoryStream(body);
            c.Features.Set<IHttpRequestBodyDetectionFeature>(new HasBody());
        });

    private sealed class HasBody : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }
}

public sealed class PropertyTestsOnSqlite() : PropertyTests(DatabaseKind.Sqlite);

public sealed class PropertyTestsOnPostgres() : PropertyTests(DatabaseKind.Postgres);
