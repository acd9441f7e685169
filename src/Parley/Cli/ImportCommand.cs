using System.CommandLine;
using Parley.Data;
using Parley.Directory;
using Parley.Incidents.Import;
using Parley.Intel;
using Parley.Stix;

namespace Parley.Cli;

/// `parley import stix FILE|DIR`: streams STIX bundles into a mechanism's collection.
public static class ImportCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "A bundle (.json) or a folder of bundles" };
        var mechanism = new Option<string?>("--mechanism") { Description = "Mechanism code, e.g. US-CN (needed when the agency's party is in several)" };
        var agency = new Option<string>("--agency") { Description = "Code of the agency sharing the objects, e.g. FBI", Required = true };
        var to = new Option<string?>("--to") { Description = "Code of the agency the objects are sent to (default: shared with every party)" };
        var stix = new Command("stix", "Import STIX 2.1 bundles; invalid objects are listed on standard error, the others stored") { path, mechanism, agency, to };
        stix.SetAction(async (result, ct) =>
        {
            var files = Files(result.GetValue(path)!);
            if (files is null) return CliServices.Fail($"no such file or folder '{result.GetValue(path)}'.");
            await using var services = await CliServices.OpenAsync(result.GetValue(ParleyCli.DbOption), ct);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            var dir = await new DirectoryCache().GetAsync(db, ct);
            var (target, problem) = CliSharing.Resolve(dir, result.GetValue(mechanism), result.GetValue(agency)!, result.GetValue(to));
            if (target is null) return CliServices.Fail(problem!);
            var ingest = new StixIngest(db, new DateAddedClock(TimeProvider.System));

            var failed = 0;
            foreach (var file in files)
            {
                var started = System.Diagnostics.Stopwatch.StartNew();
                await using var stream = File.OpenRead(file);
                IngestResult outcome;
                var incidents = new StixIncidents();
                try
                {
                    using var bar = new ProgressBar(Console.Error, enabled: !Console.IsErrorRedirected);
                    outcome = await ingest.IngestAsync(WithProgress(StixIngest.FromBundle(new StixBundleReader(stream), ct), stream, bar), target, false, ct, incidents);
                }
                catch (StixFormatException e)
                {
                    Console.Error.WriteLine($"{file}: {e.Message} Nothing from this file was imported.");
                    failed++;
                    continue;
                }
                foreach (var f in outcome.Failures)
                    Console.Error.WriteLine($"{file}: objects[{f.Index}] {f.Id}: {f.Message}");
                failed += outcome.Failures.Count;
                Console.WriteLine($"{file}: {outcome.Stored} stored, {outcome.Duplicates} already held, {outcome.Failures.Count} refused " +
                    $"({outcome.Total / Math.Max(started.Elapsed.TotalSeconds, 0.001):F0} objects/s).");
                if (incidents.Count > 0)
                {
                    var summary = await new IncidentImporter(db, TimeProvider.System).ImportAsync(incidents.Rows().ToAsyncEnumerable(), [], ct);
                    foreach (var r in summary.Rejections) Console.Error.WriteLine($"{file}: incident {r.Where}: {r.Message}");
                    Console.WriteLine($"{file}: incident register: {summary.Imported} imported, {summary.Merged} merged, {summary.Rejected} rejected.");
                }
            }
            return failed == 0 ? 0 : 2;
        });
        return new Command("import", "Import data: STIX 2.1 bundles, incident registers") { stix, ImportIncidentsCommand.Create() };
    }

    private static async IAsyncEnumerable<IncomingObject> WithProgress(IAsyncEnumerable<IncomingObject> items, Stream stream, ProgressBar bar)
    {
        await foreach (var item in items)
        {
            bar.Report(stream.Position, stream.Length);
            yield return item;
        }
    }

        private static List<string>? Files(string path) =>
        File.Exists(path) ? [path]
        : System.IO.Directory.Exists(path) ? System.IO.Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
        : null;
}
