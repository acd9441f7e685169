using System.CommandLine;
using Parley.Data;
using Parley.Incidents.Import;

namespace Parley.Cli;

/// `parley import incidents FILE.csv|FILE.json [--profile tracker|none] [--map col=field …] [--split ";,"]`
public static class ImportIncidentsCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "CSV with a header row, or JSON (an array of incident objects)" };
        var profile = new Option<string?>("--profile") { Description = "Column layout: tracker (default; title, date, description, affiliations, sponsor, victims, type, category, sources) or none" };
        var map = new Option<string[]>("--map") { Description = "Column mapping column=field (repeatable), e.g. --map \"Attack date=first-seen\"", AllowMultipleArgumentsPerToken = true };
        var split = new Option<string>("--split") { Description = "Characters that separate several values in one cell", DefaultValueFactory = _ => IncidentImportFile.DefaultSplit };
        var command = new Command("incidents", "Import incidents into the register; rows already there (same stable key) are merged, not duplicated")
        {
            file, profile, map, split,
        };
        command.SetAction(async (result, ct) =>
        {
            await using var services = await CliServices.OpenAsync(result.GetValue(ParleyCli.DbOption), ct);
            await using var scope = services.CreateAsyncScope();
            var importer = new IncidentImporter(scope.ServiceProvider.GetRequiredService<ParleyDbContext>(), services.GetRequiredService<TimeProvider>());
            using var bar = new ProgressBar(Console.Error, enabled: !Console.IsErrorRedirected);
            var options = new IncidentImportFile.Options(result.GetValue(profile), result.GetValue(map) ?? [], result.GetValue(split)!);
            var (summary, error) = await IncidentImportFile.ImportAsync(importer, result.GetValue(file)!, options, bar.Report, ct);
            bar.Dispose();
            if (summary is null) return CliServices.Fail(error!);
            foreach (var r in summary.Rejections) Console.WriteLine($"rejected {r.Where}: {r.Message}");
            foreach (var w in summary.Warnings) Console.WriteLine($"warning {w.Where}: {w.Message}");
            if (summary.IgnoredColumns.Count > 0) Console.WriteLine($"ignored columns: {string.Join(", ", summary.IgnoredColumns)}");
            Console.WriteLine($"{summary.Rows} rows: {summary.Imported} imported, {summary.Merged} merged, {summary.Rejected} rejected.");
            return summary.Rejected > 0 ? 1 : 0;
        });
        return command;
    }
}
