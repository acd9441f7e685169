using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Parley.Cli;
using Parley.Directory;
using Parley.Intel;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Taxii;

/// Two processes storing into one collection at once (the server, and `parley import stix` on the same PostgreSQL):
/// the second waits for the first to commit, then counts what the first stored as duplicates. Neither fails.
public sealed class ConcurrentIngestTests() : AppTest(DatabaseKind.Postgres)
{
    [Fact]
    public async Task ImportWhileTheServerStoresTheSameObjects_WaitsForIt_AndCountsThemAsDuplicates()
    {
        var sent = new List<JsonObject> { StixSamples.Indicator(), StixSamples.Ipv4("192.0.2.91"), StixSamples.IntrusionSet("APT10") };
        var file = Path.Combine(System.IO.Directory.CreateTempSubdirectory("parley-stix-").FullName, "same.json");
        await File.WriteAllTextAsync(file, StixSamples.Bundle(sent));

        // The server's ingest has begun and holds its objects back until released, its transaction open.
        var release = new TaskCompletionSource();
        var serverIngest = App.WithDbAsync(async db =>
        {
            var dir = await App.Services.GetRequiredService<DirectoryCache>().GetAsync(db, default);
            var target = CliSharing.Resolve(dir, null, "FBI", null).Target!;
            return await new StixIngest(db, App.Services.GetRequiredService<DateAddedClock>())
                .IngestAsync(HeldBack(sent, release.Task), target, false, default);
        });
        await Task.Delay(500);

        var import = ParleyProcess.RunAsync("import", "stix", file, "--agency", "FBI", "--db", App.Storage.ConnectionString);
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.False(import.IsCompleted, "the command should wait for the server's ingest to commit");
        release.SetResult();

        var stored = await serverIngest;
        Assert.Equal(sent.Count, stored.Stored);
        var (exit, stdout, stderr) = await import;
        Assert.True(exit == 0, stderr);
        Assert.Contains($"0 stored, {sent.Count} already held", stdout);
        Assert.Equal(sent.Count, await App.WithDbAsync(db => db.StixObjects.CountAsync()));
    }

    private static async IAsyncEnumerable<JsonNode?> HeldBack(List<JsonObject> objects, Task release)
    {
        await release;
        foreach (var o in objects) yield return o.DeepClone();
    }
}
