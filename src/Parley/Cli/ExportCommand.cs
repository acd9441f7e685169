using System.CommandLine;
using Parley.Data;
using Parley.Directory;
using Parley.Intel;
using Parley.Audit;

namespace Parley.Cli;

/// `parley export stix`: what one agency may read of a mechanism, as a STIX bundle.
public static class ExportCommand
{
    public static Command Create()
    {
        var mechanism = new Option<string?>("--mechanism") { Description = "Mechanism code, e.g. US-CN (needed when the agency's party is in several)" };
        var agency = new Option<string>("--agency") { Description = "Export what this agency may read under TLP, e.g. MPS", Required = true };
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output)" };
        var stix = new Command("stix", "Export the STIX objects an agency may read (TLP enforced) as one bundle") { mechanism, agency, output };
        stix.SetAction(async (result, ct) =>
        {
            await using var services = await CliServices.OpenAsync(result.GetValue(ParleyCli.DbOption), ct);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            var dir = await new DirectoryCache().GetAsync(db, ct);
            var (target, problem) = CliSharing.Resolve(dir, result.GetValue(mechanism), result.GetValue(agency)!, null);
            if (target is null) return CliServices.Fail(problem!);
            var reader = dir.Agencies.Values.Single(a => a.Id == target.SourceAgencyId);
            await db.RecordAsync("stix.export", "Collection", target.Collection.Id.ToString(),
                new Dictionary<string, string?> { ["mechanism"] = target.Collection.Mechanism.Code, ["agency"] = reader.Code }, ct);
            var rows = StixExport.Readable(db, target.Collection.Mechanism.Id, null, new TlpAccess.Reader(reader.PartyId, reader.Id));
            var file = result.GetValue(output);
            await using var stream = file is null ? Console.OpenStandardOutput() : File.Create(file);
            var count = await StixExport.WriteAsync(rows, stream, ct);
            Console.Error.WriteLine($"Exported {count} objects for {reader.Code}.");
            return 0;
        });
        return new Command("export", "Export data") { stix };
    }
}
