using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Incidents;
using Parley.Incidents.Import;

namespace Parley.Benchmarks;

/// `incidents`: import N incident rows from a generated tracker-layout CSV (rows/s, peak memory), then
/// a monthly trend with a filter (sponsor CN, victim US) over the N incidents.
public static class IncidentsBenchmark
{
    private static readonly string[] Sponsors = ["China", "Russia", "North Korea", "Iran", "United States"];
    private static readonly string[] Victims = ["United States", "United Kingdom", "Japan", "Germany", "South Korea", "India", "Ukraine"];
    private static readonly string[] Types = ["Espionage", "Data destruction", "Denial of service", "Doxing", "Defacement"];
    private static readonly string[] Sets = ["APT 1", "APT10", "Fancy Bear", "Lazarus Group", "APT33", "Deep Panda"];

    public static async Task RunAsync(BenchDb kind, string? postgresServer, int rows, int iterations, string? keep, string? reuse)
    {
        if (reuse is not null)
        {
            // A database kept by an earlier run (--keep): time the trend again without importing.
            await using var existing = BenchServer.DatabaseServices(BenchDatabase.SqliteAt(reuse));
            await DatabaseSetup.MigrateAsync(existing);
            await MeasureTrendAsync(existing, iterations);
            return;
        }
        await using var database = await BenchDatabase.CreateAsync(kind, postgresServer, "incidents");
        var csv = Path.Combine(Path.GetTempPath(), $"parley-bench-incidents-{Guid.NewGuid():N}.csv");
        try
        {
            var generated = Stopwatch.StartNew();
            await WriteCsvAsync(csv, rows);
            Console.WriteLine($"generated {rows:N0} rows ({new FileInfo(csv).Length / 1024 / 1024} MiB) in {generated.Elapsed.TotalSeconds:0.0} s; {database.Description}");

            await using var services = new ServiceCollection().AddLogging().AddParleyDatabase(database.Storage).BuildServiceProvider();
            await DatabaseSetup.MigrateAsync(services);
            GC.Collect();
            var import = Stopwatch.StartNew();
            ImportSummary summary;
            await using (var scope = services.CreateAsyncScope())
            {
                var importer = new IncidentImporter(scope.ServiceProvider.GetRequiredService<ParleyDbContext>(), TimeProvider.System);
                var (result, error) = await IncidentImportFile.ImportAsync(importer, csv, new(null, [], ";"), null, default);
                summary = result ?? throw new InvalidOperationException(error);
            }
            import.Stop();
            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024;
            Console.WriteLine($"import: {summary.Imported:N0} imported, {summary.Merged:N0} merged, {summary.Rejected:N0} rejected in {import.Elapsed.TotalSeconds:0.0} s " +
                              $"= {summary.Rows / import.Elapsed.TotalSeconds:N0} rows/s; peak working set {peak} MiB");

            if (keep is not null && kind == BenchDb.Sqlite)
            {
                SqliteConnection.ClearAllPools();
                File.Copy(new SqliteConnectionStringBuilder(database.Storage.ConnectionString).DataSource, keep, overwrite: true);
            }
            await MeasureTrendAsync(services, iterations);
        }
        finally
        {
            File.Delete(csv);
        }
    }

    private static async Task MeasureTrendAsync(IServiceProvider services, int iterations)
    {
        int total;
        await using (var scope = services.CreateAsyncScope())
            total = await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().Incidents.CountAsync();
        // The first filter is counted from the facet index alone; the date bound of the second sends it
        // through the general path (incidents looked up from the matching facet rows).
        foreach (var (label, from) in new[] { ("sponsor=CN victim=US", (string?)null), ("sponsor=CN victim=US from=2010", "2010") })
        {
            var filter = IncidentFilter.Parse("CN", "US", null, null, null, from, null, null, new Dictionary<string, string[]>());
            var times = new List<double>();
            IncidentTrend.Result? trend = null;
            for (var i = 0; i < iterations + 1; i++)
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
                var watch = Stopwatch.StartNew();
                trend = await IncidentTrend.ComputeAsync(db, filter, TrendInterval.Month, TrendGroup.None, default);
                if (i > 0) times.Add(watch.Elapsed.TotalMilliseconds); // the first run warms the caches
            }
            times.Sort();
            Console.WriteLine($"monthly trend, {label}, {trend!.Incidents:N0} of {total:N0} incidents match: " +
                              $"median {times[times.Count / 2]:0} ms, p90 {times[(int)(times.Count * 0.9)]:0} ms over {times.Count} runs");
        }
    }

    private static async Task WriteCsvAsync(string path, int rows)
    {
        var random = new Random(42);
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        await writer.WriteLineAsync("Title,Date,Description,Affiliations,Sponsor,Victims,Type,Category,Sources_1");
        var start = new DateOnly(2005, 1, 1);
        for (var i = 0; i < rows; i++)
        {
            var date = start.AddDays(random.Next(20 * 365));
            var text = random.Next(10) switch
            {
                0 => date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                1 => date.ToString("M/d/yyyy", CultureInfo.InvariantCulture),
                _ => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            var victims = random.Next(5) == 0 ? $"\"{Victims[random.Next(Victims.Length)]}; {Victims[random.Next(Victims.Length)]}\"" : Victims[random.Next(Victims.Length)];
            await writer.WriteLineAsync($"Operation {i},{text},\"Synthetic, for the benchmark\",{Sets[random.Next(Sets.Length)]},{Sponsors[random.Next(Sponsors.Length)]},{victims}," +
                                        $"{Types[random.Next(Types.Length)]},Private sector,https://example.org/{i}");
        }
    }
}
