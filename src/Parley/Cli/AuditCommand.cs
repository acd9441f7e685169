using System.CommandLine;
using System.Globalization;
using Parley.Audit;
using Parley.Data;

namespace Parley.Cli;

/// `parley audit verify|export|checkpoint`: check the hash chain, hand it to a third party, publish its head.
public static class AuditCommand
{
    public static Command Create() => new("audit", "Verify, export and checkpoint the tamper-evident audit trail") { Verify(), Export(), Checkpoint() };

    private static Command Verify()
    {
        var checkpoint = new Option<string?>("--checkpoint") { Description = "A published head, SEQ:HASH, that the chain must still contain" };
        var verify = new Command("verify", "Walk the chain; exit 1 at the first broken link") { checkpoint };
        verify.SetAction(async (result, ct) =>
        {
            AuditCheckpoint? expected = null;
            if (result.GetValue(checkpoint) is { } text && (expected = AuditCheckpoint.TryParse(text)) is null)
                return CliServices.Fail($"--checkpoint is SEQ:HASH (a number, a colon, 64 hex digits), not '{text}'.");
            await using var services = await CliServices.OpenAsync(result.GetValue(ParleyCli.DbOption), ct);
            await using var scope = services.CreateAsyncScope();
            var outcome = await AuditVerifier.VerifyAsync(scope.ServiceProvider.GetRequiredService<ParleyDbContext>(), expected, ct);
            if (outcome.Break is { } broken)
            {
                Console.WriteLine($"audit chain broken at entry {broken.Sequence}: {broken.Problem}");
                return 1;
            }
            Console.WriteLine($"audit chain intact: {outcome.Entries} entries, head {outcome.Head}"
                              + (expected is null ? "" : $", contains checkpoint {expected}"));
            return 0;
        });
        return verify;
    }

    private static Command Export()
    {
        var from = new Option<string?>("--from") { Description = "First instant (inclusive), ISO 8601, e.g. 2026-01-01 or 2026-01-01T00:00:00Z" };
        var to = new Option<string?>("--to") { Description = "Last instant (exclusive), ISO 8601" };
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output)" };
        var export = new Command("export", "Write the entries as JSON lines with prev_hash and hash, for independent verification") { from, to, output };
        export.SetAction(async (result, ct) =>
        {
            if (!TryInstant(result.GetValue(from), out var fromAt)) return CliServices.Fail("--from is an ISO 8601 date or instant.");
            if (!TryInstant(result.GetValue(to), out var toAt)) return CliServices.Fail("--to is an ISO 8601 date or instant.");
            await using var services = await CliServices.OpenAsync(result.GetValue(ParleyCli.DbOption), ct);
            await using var scope = services.CreateAsyncScope();
            var file = result.GetValue(output);
            await using var stream = file is null ? Console.OpenStandardOutput() : File.Create(file);
            var count = await AuditExport.WriteAsync(scope.ServiceProvider.GetRequiredService<ParleyDbContext>(), fromAt, toAt, stream, ct);
            Console.Error.WriteLine($"Exported {count} audit entries.");
            return 0;
        });
        return export;
    }

    private static Command Checkpoint()
    {
        var checkpoint = new Command("checkpoint", "Print the head of the chain, SEQ:HASH, to publish out of band");
        checkpoint.SetAction(async (result, ct) =>
        {
            await using var services = await CliServices.OpenAsync(result.GetValue(ParleyCli.DbOption), ct);
            await using var scope = services.CreateAsyncScope();
            var (sequence, hash) = await AuditChain.HeadAsync(scope.ServiceProvider.GetRequiredService<ParleyDbContext>(), ct);
            Console.WriteLine($"{sequence}:{hash}");
            return 0;
        });
        return checkpoint;
    }

    private static bool TryInstant(string? text, out DateTime? value)
    {
        value = null;
        if (text is null) return true;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) return false;
        value = parsed.UtcDateTime;
        return true;
    }
}
