using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Demo;
using Parley.Hosting;
using Parley.Identity;
using Parley.Requests;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Demo;

public sealed class DemoSeedTests : IAsyncLifetime
{
    private StorageOptions _storage = null!;
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        _storage = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var builder = ParleyHost.CreateBuilder([], _storage);
        builder.WebHost.UseTestServer();
        _app = ParleyHost.Build(builder);
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await TestDatabase.DropAsync(_storage);
    }

    private Task<T> Db<T>(Func<ParleyDbContext, Task<T>> query) =>
        Task.Run(async () =>
        {
            await using var scope = _app.Services.CreateAsyncScope();
            return await query(scope.ServiceProvider.GetRequiredService<ParleyDbContext>());
        });

    [Fact]
    public async Task Seed_Twice_SeedsOnceAndPrintsWorkingSignIns()
    {
        var first = new StringWriter();
        Assert.True(await DemoSeeder.SeedAsync(_app.Services, first, default));
        var counts = await Db(async db => (await db.Requests.CountAsync(), await db.RequestEvents.CountAsync(), await db.Users.CountAsync()));
        var second = new StringWriter();
        Assert.False(await DemoSeeder.SeedAsync(_app.Services, second, default));
        Assert.Contains(DemoSeeder.CredentialsFile, second.ToString());
        Assert.Equal(counts, await Db(async db => (await db.Requests.CountAsync(), await db.RequestEvents.CountAsync(), await db.Users.CountAsync())));

        var password = Regex.Match(first.ToString(), "with the password (\\S+)").Groups[1].Value;
        var response = await _app.GetTestClient().PostJsonAsync("/api/v1/session", new { userName = "cn.supervisor", password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Seed_BuildsTheMechanismOf2015WithEveryRoleOnEachSide()
    {
        await DemoSeeder.SeedAsync(_app.Services, TextWriter.Null, default);
        var mechanism = await Db(db => db.Mechanisms.Include(m => m.Parties).Include(m => m.Rounds).Include(m => m.Policies).SingleAsync());
        Assert.Equal(new DateOnly(2015, 9, 25), mechanism.AgreementDate);
        Assert.Equal(2, mechanism.Parties.Count);
        Assert.Equal([new DateOnly(2015, 12, 1), new DateOnly(2016, 6, 14), new DateOnly(2016, 12, 7)], mechanism.Rounds.Select(r => r.Date).Order());
        Assert.Equal(3, mechanism.Policies.Count);

        var users = await Db(db => db.Users.Include(u => u.Agency!).ThenInclude(a => a.Party).ToListAsync());
        foreach (var party in new[] { "US", "CN" })
            foreach (var role in Enum.GetValues<Roles>().Where(r => r != Roles.None))
                Assert.Contains(users, u => u.Agency!.Party!.Code == party && u.Has(role));
        var cn = await Db(db => db.Parties.Include(p => p.CalendarDays).SingleAsync(p => p.Code == "CN"));
        Assert.Contains(cn.CalendarDays, d => d.Date == new DateOnly(2016, 2, 6) && d.Kind == Parley.Directory.CalendarDayKind.WorkingDay);
    }

    [Fact]
    public async Task Seed_TrafficOf2016_HasTheMixAnOversightReportNeeds()
    {
        await DemoSeeder.SeedAsync(_app.Services, TextWriter.Null, default);
        var requests = await Db(db => db.Requests.Include(r => r.Events).Include(r => r.Deadlines).AsSplitQuery().ToListAsync());
        var us = await Db(db => db.Parties.SingleAsync(p => p.Code == "US"));

        Assert.InRange(requests.Count, 150, 250);
        Assert.Contains(requests, r => r.FromPartyId == us.Id);
        Assert.Contains(requests, r => r.ToPartyId == us.Id);
        Assert.All(requests, r => Assert.Equal(2016, r.SubmittedAt!.Value.Year));
        Assert.Contains(requests, r => r.Status == RequestStatus.Declined);
        Assert.Contains(requests, r => r.Status == RequestStatus.Closed);
        Assert.Contains(requests, r => r.IsOpen);
        Assert.Contains(requests, r => r.Status == RequestStatus.AwaitingClarification || r.Events.Any(e => e.Type == RequestEventType.ClarificationProvided));
        var met = requests.SelectMany(r => r.Deadlines).Count(d => d.State == DeadlineState.Met);
        var missed = requests.SelectMany(r => r.Deadlines).Count(d => d.State == DeadlineState.Missed);
        Assert.True(missed > 0 && met > 4 * missed, $"met {met}, missed {missed}: most answers should be in time, some late");
        Assert.Equal(requests.Count, requests.Select(r => r.Reference).Distinct().Count());
    }

    [Fact]
    public async Task Seed_EveryRequestRow_IsTheProjectionOfItsEvents()
    {
        await DemoSeeder.SeedAsync(_app.Services, TextWriter.Null, default);
        var requests = await Db(db => db.Requests.Include(r => r.Events).AsSplitQuery().ToListAsync());
        foreach (var request in requests)
        {
            var replay = new Request { Subject = "", Narrative = "" };
            var events = request.Events.OrderBy(e => e.Sequence).ToList();
            Assert.Equal(Enumerable.Range(1, events.Count), events.Select(e => e.Sequence));
            Assert.True(events.Zip(events.Skip(1)).All(p => p.First.OccurredAt <= p.Second.OccurredAt), $"{request.Reference} events out of order");
            foreach (var e in events) RequestTimeline.Project(replay, e);
            Assert.Equal(request.Status, replay.Status);
            Assert.Equal(request.Version, replay.Version);
            Assert.Equal(request.IsOpen, replay.IsOpen);
        }
    }

    [Fact]
    public async Task LiveSubmission_AfterTheDemo_ContinuesTheReferenceSequenceOfItsYear()
    {
        await DemoSeeder.SeedAsync(_app.Services, TextWriter.Null, default);
        var counters = await Db(db => db.ReferenceCounters.ToListAsync());
        Assert.Equal(2, counters.Count);
        var usCn = counters.Single(c => c.Direction == "US-CN");
        var last = await Db(db => db.Requests.Where(r => r.Reference!.StartsWith("US-CN-2016-")).MaxAsync(r => r.Reference));
        Assert.Equal($"US-CN-2016-{usCn.LastNumber:0000}", last);
    }
}
