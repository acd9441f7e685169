using System.CommandLine;
using System.Text.Json;
using Parley.Data;
using Parley.Oversight;
using Parley.Requests;
using Parley.Audit;

namespace Parley.Cli;

/// `parley report --mechanism US-CN --from 2016-01-01 --to 2016-12-31 --out report.html`: the oversight
/// report straight from the database, without a running server.
public static class ReportCommand
{
    public static Command Create()
    {
        var mechanism = new Option<string>("--mechanism") { Description = "The mechanism's code (e.g. US-CN) or id", Required = true };
        var from = new Option<string?>("--from") { Description = "Start: YYYY-MM-DD or an instant (default: the last dialogue round)" };
        var to = new Option<string?>("--to") { Description = "End: YYYY-MM-DD (that day included) or an instant (default: now)" };
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output)" };
        var format = new Option<string?>("--format") { Description = "json, csv or html (default: from the --out extension, else html)" };
        var command = new Command("report", "Write the oversight report of a mechanism: one self-contained HTML file, JSON or CSV")
            { mechanism, from, to, output, format };
        command.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(output);
            var kind = (result.GetValue(format) ?? Path.GetExtension(path ?? ".html").TrimStart('.')).ToLowerInvariant();
            if (kind is "htm") kind = "html";
            if (kind is not ("json" or "csv" or "html")) return CliServices.Fail("--format is json, csv or html.");

            await using var services = await CliServices.OpenAsync(result.GetValue(ParleyCli.DbOption), ct);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            var found = await OversightBuilder.FindMechanismAsync(db, result.GetValue(mechanism)!, ct);
            if (found is null) return CliServices.Fail($"no mechanism '{result.GetValue(mechanism)}'.");
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var resolved = OversightPeriod.Resolve(found, result.GetValue(from), result.GetValue(to), now);
            if (resolved.Period is not { } period) return CliServices.Fail($"--{resolved.Field}: {resolved.Error}");

            await db.RecordAsync("report.oversight", "Mechanism", found.Id.ToString(),
                new Dictionary<string, string?> { ["from"] = result.GetValue(from), ["to"] = result.GetValue(to), ["format"] = kind }, ct);
            var report = await new OversightBuilder(db).BuildAsync(found, period, now, ct);
            var text = kind switch
            {
                "json" => JsonSerializer.Serialize(report, new JsonSerializerOptions(RequestJson.Options) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
                "csv" => OversightCsv.Write(report),
                _ => OversightHtml.Write(report),
            };
            if (path is null) Console.Out.Write(text);
            else
            {
                await File.WriteAllTextAsync(path, text, ct);
                Console.Error.WriteLine($"Oversight report of {found.Code}, {period.From:yyyy-MM-dd} to {period.To:yyyy-MM-dd} (exclusive), written to {path}.");
            }
            return 0;
        });
        return command;
    }
}
