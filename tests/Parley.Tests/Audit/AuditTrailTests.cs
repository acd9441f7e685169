using System.Net;
using Microsoft.EntityFrameworkCore;
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
        Assert.Contains(entries, e => e.Action == "RequestEvent.added" && e.Sequence > added.Sequence - 10);
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(n => (long)n), entries.Select(e => e.Sequence));
        Assert.All(entries.Skip(1).Zip(entries), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
    }

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
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("us.officer").GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("cn.supervisor").GetAsync("/api/v1/audit/checkpoint")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous().GetAsync("/api/v1/audit")).StatusCode);

        var us = await AuditKit.PartyAsync(App, "US");
        var page = await (await App.As("us.admin").GetAsync("/api/v1/audit?action=Request.added&limit=10")).ReadAsync();
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(us.ToString(), item.Str("partyId"));
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

public sealed class AuditTrailOnPostgres() : AuditTrailTests(DatabaseKind.Postgres);
