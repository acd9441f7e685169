using System.Net;
using Microsoft.EntityFrameworkCore;
using Parley.Audit;
using Parley.Data;
using Parley.Identity;
using Parley.Requests;
using Parley.Tests.Infrastructure;
using Parley.Tests.Requests;

namespace Parley.Tests.Audit;

/// Every change, sign-in, export and report leaves a chained entry, written in the change's own transaction.
public abstract class AuditTrailTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task Submit_RecordsTheRequestAndItsEvents_AsTheToken_InOneUnbrokenChain()
    {
        var id = await RequestBodies.SubmitAsync(App);

        var entries = await AuditKit.EntriesAsync(App);
        var tokenId = await App.WithDbAsync(db => db.ApiTokens.Where(t => t.User!.UserName == "us.officer").Select(t => t.Id).SingleAsync());
        var added = Assert.Single(entries, e => e.Action == "Request.added");
        Assert.Equal(id, added.SubjectId);
        Assert.Equal(("token", tokenId), (added.ActorType, added.ActorId));
        Assert.Equal(await AuditKit.PartyAsync(App, "US"), added.PartyId);
        Assert.Equal(App.Time.GetUtcNow().UtcDateTime, added.At);
        // One entry for the transaction: the request names it, the rows it added with it are listed.
        var changes = Changes(added);
        Assert.Contains(changes, c => c.Action == "RequestEvent.added" && c.SubjectType == "RequestEvent");
        Assert.Contains(changes, c => c.Action == "RequestIndicator.added");
        Assert.DoesNotContain(entries, e => e.Action is "RequestEvent.added" or "RequestIndicator.added");
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(n => (long)n), entries.Select(e => e.Sequence));
        Assert.All(entries.Skip(1).Zip(entries), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
    }

    [Fact]
    public async Task Acknowledge_IsOneEntry_ListingTheRowsItChanged_AndTheApiFindsAnEntryByARowItLists()
    {
        var id = await RequestBodies.SubmitAsync(App);
        var ack = await App.As("cn.officer").PostJsonAsync($"/api/v1/requests/{id}/acknowledge", null);
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);

        var last = (await AuditKit.EntriesAsync(App))[^1];
        Assert.Equal(("RequestEvent.added", "token"), (last.Action, last.ActorType));
        Assert.Contains(Changes(last), c => (c.Action, c.SubjectType, c.SubjectId) == ("Request.modified", "Request", id));
        // The administrator of the submitting party finds the submit's entry by a row it lists (the acknowledgement is the other party's).
        var submitted = (await AuditKit.EntriesAsync(App)).Single(e => e.Action == "Request.added" && e.SubjectId == id);
        var found = await App.As("us.admin").GetAsync($"/api/v1/audit?action=RequestEvent.added&subject=Request:{id}");
        var item = Assert.Single((await found.ReadAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal(submitted.Sequence, item.GetProperty("sequence").GetInt64());
        Assert.Contains(item.GetProperty("changes").EnumerateArray(), c => c.Str("action") == "RequestEvent.added" && c.Str("subjectType") == "RequestEvent");
        // A prefix of an action or an id matches nothing.
        var partial = await (await App.As("us.admin").GetAsync("/api/v1/audit?action=RequestEvent.add")).ReadAsync();
        Assert.Empty(partial.GetProperty("items").EnumerateArray());
        var prefix = await (await App.As("us.admin").GetAsync($"/api/v1/audit?subject=Request:{id[..8]}")).ReadAsync();
        Assert.Empty(prefix.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task TheInstant_NeverGoesBackAlongTheChain()
    {
        await RequestBodies.SubmitAsync(App);
        var head = (await AuditKit.EntriesAsync(App))[^1];
        var later = App.Time.GetUtcNow().UtcDateTime.AddHours(1);
        await AuditKit.TamperAsync(App, App.Storage.Provider == StorageProvider.Sqlite
            ? $"UPDATE \"AuditEntries\" SET \"At\" = '{later:yyyy-MM-dd HH:mm:ss.ffffff}' WHERE \"Sequence\" = {head.Sequence}"
            : $"UPDATE \"AuditEntries\" SET \"At\" = '{later:yyyy-MM-dd HH:mm:ss.ffffff}+00' WHERE \"Sequence\" = {head.Sequence}");

        await RequestBodies.SubmitAsync(App);

        Assert.Equal(later, (await AuditKit.EntriesAsync(App))[^1].At);
    }

    [Fact]
    public async Task Api_FromAndTo_SelectTheEntriesWrittenInThatRange()
    {
        var early = await RequestBodies.SubmitAsync(App);
        App.Time.Advance(TimeSpan.FromHours(2));
        var late = await RequestBodies.SubmitAsync(App);
        var middle = App.Time.GetUtcNow().AddHours(-1).ToString("O");

        async Task<List<string>> Submitted(string query) =>
            (await (await App.As("us.admin").GetAsync($"/api/v1/audit?action=Request.added&{query}")).ReadAsync())
            .GetProperty("items").EnumerateArray().Select(e => e.Str("subjectId")).ToList();

        Assert.Equal([late], await Submitted($"from={Uri.EscapeDataString(middle)}"));
        Assert.Equal([early], await Submitted($"to={Uri.EscapeDataString(middle)}"));
        Assert.Empty(await Submitted($"from={Uri.EscapeDataString(App.Time.GetUtcNow().AddHours(1).ToString("O"))}"));
        Assert.Equal([early, late], await Submitted($"from={Uri.EscapeDataString(App.Time.GetUtcNow().AddHours(-3).ToString("O"))}"));
    }

    private static IReadOnlyList<AuditApi.AuditChange> Changes(AuditEntry entry) =>
        AuditApi.AuditChange.Parse(entry.Changes);

    [Fact]
    public async Task SignIns_GoodAndBad_AreRecorded_WithoutTheAttemptedName()
    {
        var client = App.Anonymous();
        var bad = await client.PostJsonAsync("/api/v1/session", new { userName = "us.officer", password = "wrong" });
        var unknown = await client.PostJsonAsync("/api/v1/session", new { userName = "nobody", password = "wrong" });
        var good = await client.PostJsonAsync("/api/v1/session", new { userName = "cn.officer", password = TestDirectory.Password });
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK), (bad.StatusCode, unknown.StatusCode, good.StatusCode));

        var entries = (await AuditKit.EntriesAsync(App)).Where(e => e.Action.StartsWith("sign-in")).ToList();
        Assert.Equal(["sign-in.failed", "sign-in.failed", "sign-in"], entries.Select(e => e.Action));
        Assert.Equal((App.Directory.Users["us.officer"].ToString(), "anonymous"), (entries[0].SubjectId, entries[0].ActorType));
        Assert.Equal("unknown", entries[1].SubjectId);
        Assert.Equal(("user", App.Directory.Users["cn.officer"]), (entries[2].ActorType, entries[2].ActorId));
        Assert.DoesNotContain(await AuditKit.EntriesAsync(App), e => e.SubjectId.Contains("nobody"));
        // A good sign-in is two entries of one transaction (the user signing in; the anonymous request that
        // updated the account): both chained, on PostgreSQL by the server.
        var (exit, stdout, stderr) = await AuditKit.CliAsync(App, "verify");
        Assert.True(exit == 0, stdout + stderr);
    }

    [Fact]
    public async Task TokenCreation_StixExport_AndOversightReport_AreRecorded()
    {
        var created = await App.As("us.supervisor").PostJsonAsync("/api/v1/tokens", new { name = "misp", daysValid = 30 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var tokenId = (await created.ReadAsync()).Str("id");
        Assert.Equal(HttpStatusCode.OK, (await App.As("cn.officer").GetAsync("/api/v1/stix/bundles")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.As("us.supervisor").GetAsync("/api/v1/mechanisms/US-CN/oversight")).StatusCode);

        var entries = await AuditKit.EntriesAsync(App);
        var cn = await AuditKit.PartyAsync(App, "CN");
        Assert.Contains(entries, e => e.Action == "ApiToken.added" && e.SubjectId == tokenId && e.ActorType == "token");
        Assert.Contains(entries, e => e.Action == "stix.export" && e.PartyId == cn);
        Assert.Contains(entries, e => e.Action == "report.oversight" && e.SubjectId == App.Directory.Mechanism.Id.ToString());
    }

    [Fact]
    public async Task FailedOrRolledBackChange_LeavesNoEntry_AndNoGap()
    {
        var before = (await AuditKit.EntriesAsync(App)).Count;
        // A second user with a taken name fails on the unique index, inside SaveChanges.
        await Assert.ThrowsAsync<DbUpdateException>(() => App.WithDbAsync(async db =>
        {
            db.Users.Add(new User { Id = Guid.NewGuid(), UserName = "us.officer", DisplayName = "dup", AgencyId = App.Directory.Agencies["FBI"], CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        }));
        // A change saved inside a transaction that is then rolled back.
        await App.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Users.Add(new User { Id = Guid.NewGuid(), UserName = "rolled.back", DisplayName = "x", AgencyId = App.Directory.Agencies["FBI"], CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
            return 0;
        });
        Assert.Equal(before, (await AuditKit.EntriesAsync(App)).Count);

        await RequestBodies.SubmitAsync(App);
        var entries = await AuditKit.EntriesAsync(App);
        Assert.Equal(before + 1, entries.First(e => e.Action == "Request.added").Sequence);
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(n => (long)n), entries.Select(e => e.Sequence));
    }

    [Fact]
    public async Task ASaveThatLosesAConcurrencyRace_LeavesNoEntry_AndNoneOfItsRows()
    {
        var id = Guid.Parse(await RequestBodies.SubmitAsync(App));
        var before = (await AuditKit.EntriesAsync(App)).Count;
        await App.WithDbAsync(async first =>
        {
            var stale = await first.Requests.SingleAsync(r => r.Id == id);
            await App.WithDbAsync(async second =>
            {
                var winner = await second.Requests.SingleAsync(r => r.Id == id);
                winner.Version++;
                return await second.SaveChangesAsync();
            });
            // On PostgreSQL the chain's statements travel in this save's batch, after the UPDATE that matches no row.
            stale.Version++;
            stale.Subject = "overwritten";
            first.Users.Add(new User { Id = Guid.NewGuid(), UserName = "lost.race", DisplayName = "x", AgencyId = App.Directory.Agencies["FBI"], CreatedAt = DateTime.UtcNow });
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());
            return 0;
        });

        var entries = await AuditKit.EntriesAsync(App);
        Assert.Equal(before + 1, entries.Count);
        Assert.Equal("Request.modified", entries[^1].Action);
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "lost.race")));
        var (exit, stdout, stderr) = await AuditKit.CliAsync(App, "verify");
        Assert.True(exit == 0, stdout + stderr);
    }

    [Fact]
    public async Task SavesCommittedTogether_AreOneEntry_AndAFailedFinalSaveLeavesNoEntryAndNoRow()
    {
        var before = (await AuditKit.EntriesAsync(App)).Count;
        var (first, final) = (Guid.NewGuid(), Guid.NewGuid());
        await App.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Users.Add(NewUser(first, "first.save"));
            await db.SaveChangesAsync();
            // On PostgreSQL the entry for both saves travels in the last save's batch.
            db.Users.Add(NewUser(final, "final.save"));
            await db.SaveAndCommitAsync(tx, CancellationToken.None);
            return 0;
        });
        var entries = await AuditKit.EntriesAsync(App);
        var entry = Assert.Single(entries.Skip(before));
        Assert.Equal(("User.added", first.ToString()), (entry.Action, entry.SubjectId));
        Assert.Contains(Changes(entry), c => (c.Action, c.SubjectId) == ("User.added", final.ToString()));

        // The final save fails on the unique user name: its transaction commits nothing, its entry included.
        await Assert.ThrowsAsync<DbUpdateException>(() => App.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Users.Add(NewUser(Guid.NewGuid(), "lost.save"));
            await db.SaveChangesAsync();
            db.Users.Add(NewUser(Guid.NewGuid(), "us.officer"));
            await db.SaveAndCommitAsync(tx, CancellationToken.None);
            return 0;
        }));
        Assert.Equal(before + 1, (await AuditKit.EntriesAsync(App)).Count);
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "lost.save")));
        await RequestBodies.SubmitAsync(App);
        var (exit, stdout, stderr) = await AuditKit.CliAsync(App, "verify");
        Assert.True(exit == 0, stdout + stderr);
    }

    private User NewUser(Guid id, string name) =>
        new() { Id = id, UserName = name, DisplayName = name, AgencyId = App.Directory.Agencies["FBI"], CreatedAt = DateTime.UtcNow };

    [Fact]
    public async Task ParallelSubmissions_LeaveOneUnbrokenChain()
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => RequestBodies.SubmitAsync(App))));

        var entries = await AuditKit.EntriesAsync(App);
        Assert.Equal(ids.Order(), entries.Where(e => e.Action == "Request.added").Select(e => e.SubjectId).Order());
        var (exit, stdout, stderr) = await AuditKit.CliAsync(App, "verify");
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains($"intact: {entries.Count} entries", stdout);
    }

    [Fact]
    public async Task Api_IsForAdministratorsOnly_AndShowsTheirPartysEntries()
    {
        await RequestBodies.SubmitAsync(App);
        await RequestBodies.SubmitAsync(App);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("us.officer").GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("cn.supervisor").GetAsync("/api/v1/audit/checkpoint")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous().GetAsync("/api/v1/audit")).StatusCode);

        var us = await AuditKit.PartyAsync(App, "US");
        var page = await (await App.As("us.admin").GetAsync("/api/v1/audit?action=Request.added&limit=10")).ReadAsync();
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.All(page.GetProperty("items").EnumerateArray(), item => Assert.Equal(us.ToString(), item.Str("partyId")));
        var all = await (await App.As("us.admin").GetAsync("/api/v1/audit?limit=1000")).ReadAsync();
        Assert.All(all.GetProperty("items").EnumerateArray(), e => Assert.Equal(us.ToString(), e.Str("partyId")));

        var first = await (await App.As("us.admin").GetAsync("/api/v1/audit?limit=1")).ReadAsync();
        var after = first.GetProperty("nextAfter").GetInt64();
        var second = await (await App.As("us.admin").GetAsync($"/api/v1/audit?limit=1&after={after}")).ReadAsync();
        Assert.True(second.GetProperty("items")[0].GetProperty("sequence").GetInt64() > after);

        var bad = await App.As("us.admin").GetAsync("/api/v1/audit?from=yesterday&limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["from", "limit"], (await bad.ReadAsync()).ErrorFields().Order());

        var checkpoint = await (await App.As("us.admin").GetAsync("/api/v1/audit/checkpoint")).ReadAsync();
        var last = (await AuditKit.EntriesAsync(App))[^1];
        Assert.Equal($"{last.Sequence}:{last.Hash}", checkpoint.Str("text"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await App.As("us.admin").DeleteAsync("/api/v1/audit")).StatusCode);
    }
}

public sealed class AuditTrailOnSqlite() : AuditTrailTests(DatabaseKind.Sqlite);

public sealed class AuditTrailOnPostgres() : AuditTrailTests(DatabaseKind.Postgres)
{
    /// On PostgreSQL a save leaves its entries unchained in "AuditPending" and the server chains them when the
    /// transaction commits: every one reaches the chain, and the pending table keeps none of them.
    [Fact]
    public async Task EntriesAreChainedAtTheCommit_AndNoneStaysPending()
    {
        var before = (await AuditKit.EntriesAsync(App)).Count;
        var ids = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => RequestBodies.SubmitAsync(App))));
        foreach (var id in ids.Take(3))
            Assert.Equal(HttpStatusCode.OK, (await App.As("cn.officer").PostJsonAsync($"/api/v1/requests/{id}/acknowledge", null)).StatusCode);

        var entries = await AuditKit.EntriesAsync(App);
        Assert.Equal(ids.Order(), entries.Skip(before).Where(e => e.Action == "Request.added").Select(e => e.SubjectId).Order());
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(n => (long)n), entries.Select(e => e.Sequence));
        var pending = await App.WithDbAsync(db => db.Database.SqlQueryRaw<long>("""SELECT count(*) AS "Value" FROM "AuditPending" """).SingleAsync());
        Assert.Equal(0, pending);
        var (exit, stdout, stderr) = await AuditKit.CliAsync(App, "verify");
        Assert.True(exit == 0, stdout + stderr);
    }
}
