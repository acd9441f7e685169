using System.Text.Json;
using Parley.Audit;
using Parley.Tests.Infrastructure;
using Parley.Tests.Requests;

namespace Parley.Tests.Audit;

/// `parley audit verify|checkpoint|export` on the real executable, against a database edited behind Parley's back.
public abstract class AuditVerifyTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task EditingOneRow_MakesVerifyFailAtExactlyThatEntry()
    {
        await RequestBodies.SubmitAsync(App);
        var (intact, intactOut, intactErr) = await AuditKit.CliAsync(App, "verify");
        Assert.True(intact == 0, intactOut + intactErr);
        Assert.StartsWith("audit chain intact:", intactOut);

        var target = (await AuditKit.EntriesAsync(App)).First(e => e.Action == "Request.added").Sequence;
        await AuditKit.TamperAsync(App, $"UPDATE \"AuditEntries\" SET \"SubjectId\" = 'someone-else' WHERE \"Sequence\" = {target}");

        var (exit, stdout, _) = await AuditKit.CliAsync(App, "verify");
        Assert.Equal(1, exit);
        Assert.StartsWith($"audit chain broken at entry {target}: stored hash", stdout);
    }

    [Fact]
    public async Task LongChain_EditedFarPastTheStart_IsCaughtAtExactlyThatEntry()
    {
        // More entries than the verifier reads and hashes in one batch, so the edit lies in a later batch.
        var head = await App.WithDbAsync(async db =>
        {
            var (sequence, previous) = await AuditChain.HeadAsync(db, CancellationToken.None);
            for (var i = 0; i < 10_000; i++)
            {
                var entry = AuditChain.Sealed(new AuditEntry
                {
                    Sequence = ++sequence, At = TestApp.DefaultStart.UtcDateTime, ActorType = "system", Action = "check.ran",
                    SubjectType = "Check", SubjectId = i.ToString(), PayloadDigest = AuditHash.Digest([]), PreviousHash = previous,
                });
                previous = entry.Hash;
                db.AuditEntries.Add(entry);
            }
            await db.SaveChangesAsync();
            return sequence;
        });
        var (intact, intactOut, intactErr) = await AuditKit.CliAsync(App, "verify");
        Assert.True(intact == 0, intactOut + intactErr);
        Assert.StartsWith($"audit chain intact: {head} entries", intactOut);

        var target = head - 1_234;
        await AuditKit.TamperAsync(App, $"UPDATE \"AuditEntries\" SET \"SubjectId\" = 'elsewhere' WHERE \"Sequence\" = {target}");

        var (exit, stdout, _) = await AuditKit.CliAsync(App, "verify");
        Assert.Equal(1, exit);
        Assert.StartsWith($"audit chain broken at entry {target}: stored hash", stdout);
    }

    [Fact]
    public async Task RehashingAnEditedRow_IsCaughtAtTheNextLink()
    {
        await RequestBodies.SubmitAsync(App);
        await RequestBodies.SubmitAsync(App);
        var entries = await AuditKit.EntriesAsync(App);
        var target = entries[^2];
        var forged = new Dictionary<string, object?>
        {
            ["seq"] = target.Sequence, ["at"] = Parley.Audit.AuditHash.Instant(target.At), ["actor_type"] = target.ActorType,
            ["actor_id"] = target.ActorId?.ToString() ?? "", ["agency_id"] = target.AgencyId?.ToString() ?? "", ["party_id"] = target.PartyId?.ToString() ?? "",
            ["action"] = "nothing.happened", ["subject_type"] = target.SubjectType, ["subject_id"] = target.SubjectId,
            ["payload_sha256"] = target.PayloadDigest, ["changes"] = target.Changes, ["prev_hash"] = target.PreviousHash,
        };
        var hash = IndependentVerifier.Hash(JsonSerializer.SerializeToElement(forged));
        await AuditKit.TamperAsync(App, $"UPDATE \"AuditEntries\" SET \"Action\" = 'nothing.happened', \"Hash\" = '{hash}' WHERE \"Sequence\" = {target.Sequence}");

        var (exit, stdout, _) = await AuditKit.CliAsync(App, "verify");
        Assert.Equal(1, exit);
        Assert.StartsWith($"audit chain broken at entry {target.Sequence + 1}: previous hash", stdout);
    }

    [Fact]
    public async Task DeletingTheLastRow_IsCaughtAgainstAPublishedCheckpoint()
    {
        await RequestBodies.SubmitAsync(App);
        var (_, published, _) = await AuditKit.CliAsync(App, "checkpoint");
        var last = (await AuditKit.EntriesAsync(App))[^1];
        Assert.Equal($"{last.Sequence}:{last.Hash}", published.Trim());

        var (withCheckpoint, okOut, _) = await AuditKit.CliAsync(App, "verify", "--checkpoint", published.Trim());
        Assert.Equal(0, withCheckpoint);
        Assert.Contains($"contains checkpoint {published.Trim()}", okOut);

        await AuditKit.TamperAsync(App, $"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = {last.Sequence}");
        // Without the checkpoint a shortened chain is still a valid chain.
        Assert.Equal(0, (await AuditKit.CliAsync(App, "verify")).ExitCode);
        var (exit, stdout, _) = await AuditKit.CliAsync(App, "verify", "--checkpoint", published.Trim());
        Assert.Equal(1, exit);
        Assert.StartsWith($"audit chain broken at entry {last.Sequence}: the chain ends at {last.Sequence - 1}, before the checkpoint", stdout);

        var (malformed, _, malformedErr) = await AuditKit.CliAsync(App, "verify", "--checkpoint", "12:abc");
        Assert.Equal(2, malformed);
        Assert.Contains("--checkpoint is SEQ:HASH", malformedErr);
    }

    [Fact]
    public async Task Export_IsAcceptedByAnIndependentVerifier_AlsoForATimeRange()
    {
        await RequestBodies.SubmitAsync(App);
        App.Time.Advance(TimeSpan.FromHours(2));
        await RequestBodies.SubmitAsync(App);
        var file = Path.Combine(Path.GetTempPath(), "parley-tests", $"audit-{Guid.NewGuid():N}.jsonl");

        var (exit, _, stderr) = await AuditKit.CliAsync(App, "export", "--out", file);
        Assert.True(exit == 0, stderr);
        var lines = await File.ReadAllLinesAsync(file);
        var entries = await AuditKit.EntriesAsync(App);
        Assert.Equal(entries.Count, lines.Length);
        Assert.Null(IndependentVerifier.Check(lines));
        Assert.Equal(entries[^1].Hash, JsonDocument.Parse(lines[^1]).RootElement.GetProperty("hash").GetString());

        var from = TestApp.DefaultStart.AddHours(1).ToString("O");
        var (rangeExit, _, _) = await AuditKit.CliAsync(App, "export", "--from", from, "--out", file);
        Assert.Equal(0, rangeExit);
        var later = await File.ReadAllLinesAsync(file);
        var expected = entries.Where(e => e.At >= TestApp.DefaultStart.AddHours(1).UtcDateTime).ToList();
        Assert.Equal(expected.Count, later.Length);
        Assert.Null(IndependentVerifier.Check(later));
        // The first line links to an entry before the range, which the verifier holds from an earlier export.
        Assert.Equal(entries.Single(e => e.Sequence == expected[0].Sequence - 1).Hash,
            JsonDocument.Parse(later[0]).RootElement.GetProperty("prev_hash").GetString());

        lines[1] = lines[1].Replace("\"action\":\"", "\"action\":\"x");
        Assert.Equal($"hash of {JsonDocument.Parse(lines[1]).RootElement.GetProperty("seq").GetInt64()}", IndependentVerifier.Check(lines));
        File.Delete(file);
    }
}

public sealed class AuditVerifyOnSqlite() : AuditVerifyTests(DatabaseKind.Sqlite);

public sealed class AuditVerifyOnPostgres() : AuditVerifyTests(DatabaseKind.Postgres);
