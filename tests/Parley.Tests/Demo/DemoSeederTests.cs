using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Parley.Deadlines;
using Parley.Demo;
using Parley.Directory;
using Parley.Identity;
using Parley.Requests;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Demo;

/// The demo seeded once per database kind; every test reads it, and the idempotency test seeds again.
public abstract partial class DemoSeederTests(DemoFixture demo)
{
    protected DemoFixture Demo => demo;

    private Task<List<Request>> RequestsAsync() => demo.Db(db => db.Requests
        .Include(r => r.Events).Include(r => r.Deadlines).Include(r => r.Indicators).AsSplitQuery().ToListAsync());

    private Task<Dictionary<string, Party>> PartiesAsync() =>
        demo.Db(db => db.Parties.Include(p => p.CalendarDays).Include(p => p.Agencies).ThenInclude(a => a.Contacts).ToDictionaryAsync(p => p.Code));

    private Task<(int, int, int, int, int, int)> CountsAsync() => demo.Db(async db => (
        await db.Mechanisms.CountAsync(), await db.Parties.CountAsync(), await db.Users.CountAsync(),
        await db.Requests.CountAsync(), await db.RequestEvents.CountAsync(), await db.CalendarDays.CountAsync()));

    [Fact]
    public async Task SeedingAgain_ChangesNothing_AndPointsToTheCredentialsFile()
    {
        Assert.True(demo.FirstSeedSeeded);
        var before = await CountsAsync();

        var output = new StringWriter();
        Assert.False(await DemoSeeder.SeedAsync(demo.Services, output, default));

        Assert.Equal(before, await CountsAsync());
        Assert.Single(output.ToString().TrimEnd().Split('\n'));
        Assert.Contains(demo.CredentialsPath, output.ToString());
    }

    [Fact]
    public async Task PrintedPassword_SignsInEveryDemoUser_AndIsKeptInAnOwnerOnlyFile()
    {
        var password = Regex.Match(demo.FirstSeedOutput, "with the password (\\S+)").Groups[1].Value;
        Assert.Null(PasswordPolicy.Check(password, "cn.officer"));
        var file = await File.ReadAllTextAsync(demo.CredentialsPath);
        Assert.Contains(password, file);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(demo.CredentialsPath));

        var users = await demo.Db(db => db.Users.Select(u => u.UserName).ToListAsync());
        Assert.All(users, u => Assert.Contains(u, demo.FirstSeedOutput));
        var client = demo.Client();
        var response = await client.PostJsonAsync("/api/v1/session", new { userName = "cn.officer", password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var list = new HttpRequestMessage(HttpMethod.Get, "/api/v1/requests") { Headers = { { "Cookie", cookie } } };
        Assert.True((await (await client.SendAsync(list)).ReadAsync()).GetProperty("total").GetInt32() > 0);
    }

    [Fact]
    public async Task PrintedTotpSecret_CompletesASupervisorsSignIn()
    {
        var password = Regex.Match(demo.FirstSeedOutput, "with the password (\\S+)").Groups[1].Value;
        var secret = Regex.Match(await File.ReadAllTextAsync(demo.CredentialsPath), @"^\s*cn\.supervisor\s+([A-Z2-7]+)\s+otpauth://", RegexOptions.Multiline).Groups[1].Value;
        Assert.NotEmpty(secret);
        var client = demo.Client();
        var first = await client.PostJsonAsync("/api/v1/session", new { userName = "cn.supervisor", password });
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var pending = first.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("parley.pending=")).Split(';')[0];
        var now = demo.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var code = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(secret)).ComputeTotp(now);
        var second = new HttpRequestMessage(HttpMethod.Post, "/api/v1/session/second-factor")
        {
            Headers = { { "Cookie", pending } },
            Content = System.Net.Http.Json.JsonContent.Create(new { code }),
        };
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(second)).StatusCode);
    }

    [Fact]
    public async Task Mechanism_IsThe2015Dialogue_WithItsRoundsAndTimelinePolicies()
    {
        var mechanism = await demo.Db(db => db.Mechanisms.Include(m => m.Parties).Include(m => m.Rounds).Include(m => m.Policies).SingleAsync());
        Assert.Equal(DemoSeeder.MechanismCode, mechanism.Code);
        Assert.Equal(new DateOnly(2015, 9, 25), mechanism.AgreementDate);
        Assert.Equal(2, mechanism.Parties.Count);
        Assert.Equal([new DateOnly(2015, 12, 1), new DateOnly(2016, 6, 14), new DateOnly(2016, 12, 7)], mechanism.Rounds.Select(r => r.Date).Order());
        Assert.Equal(3, mechanism.Policies.Count);
        var urgent = mechanism.Policies.Single(p => p.Priority == Priority.Urgent);
        Assert.Equal((ClockKind.Calendar, 4.0, 24.0, 72.0), (urgent.Clock, urgent.AcknowledgeWithin.TotalHours, urgent.FirstAnswerWithin.TotalHours, urgent.FinalAnswerWithin.TotalHours));
        var routine = mechanism.Policies.Single(p => p.Priority == Priority.Routine);
        Assert.Equal((ClockKind.Business, 16.0, 80.0, 240.0), (routine.Clock, routine.AcknowledgeWithin.TotalHours, routine.FirstAnswerWithin.TotalHours, routine.FinalAnswerWithin.TotalHours));
    }

    [Fact]
    public async Task Directory_HasBothSidesAgencies_TwentyFourSevenDesks_AndTheirHolidays()
    {
        var parties = await PartiesAsync();
        Assert.Equal(["DHS", "DOJ", "FBI"], parties["US"].Agencies.Select(a => a.Code).Order());
        Assert.Equal(["MOJ", "MPS", "MSS", "SIIO"], parties["CN"].Agencies.Select(a => a.Code).Order());
        Assert.Equal(["FBI", "MPS"], parties.Values.SelectMany(p => p.Agencies)
            .Where(a => a.Contacts.Any(c => c.Availability == ContactAvailability.AlwaysOn)).Select(a => a.Code).Order());
        Assert.All(parties.Values.SelectMany(p => p.Agencies), a => Assert.NotEmpty(a.Contacts));

        Assert.Equal("America/New_York", parties["US"].TimeZone);
        Assert.Equal("Asia/Shanghai", parties["CN"].TimeZone);
        var us = BusinessCalendar.For(parties["US"]);
        var cn = BusinessCalendar.For(parties["CN"]);
        Assert.False(us.IsWorkingDay(new LocalDate(2016, 11, 24)));   // Thanksgiving
        Assert.False(us.IsWorkingDay(new LocalDate(2015, 7, 3)));     // Independence Day, observed
        Assert.False(cn.IsWorkingDay(new LocalDate(2016, 2, 8)));     // Spring Festival
        Assert.True(cn.IsWorkingDay(new LocalDate(2016, 2, 6)));      // a Saturday worked in exchange
        Assert.False(cn.IsWorkingDay(new LocalDate(2016, 10, 4)));    // National Day week
        Assert.True(cn.IsWorkingDay(new LocalDate(2016, 10, 9)));     // a Sunday worked in exchange
    }

    [Fact]
    public async Task EveryRole_HasAUser_OnEachSide()
    {
        var users = await demo.Db(db => db.Users.Include(u => u.Agency!).ThenInclude(a => a.Party).ToListAsync());
        foreach (var party in new[] { "US", "CN" })
        foreach (var role in Enum.GetValues<Roles>().Where(r => r != Roles.None))
            Assert.Contains(users, u => u.Agency!.Party!.Code == party && u.Has(role));
        Assert.Equal(2, users.Count(u => u.Agency!.Code == "FBI" && u.Has(Roles.Officer)));
        Assert.Equal(2, users.Count(u => u.Agency!.Code == "MPS" && u.Has(Roles.Officer)));
    }
}

public sealed class DemoSeederOnSqlite(SqliteDemoFixture demo) : DemoSeederTests(demo), IClassFixture<SqliteDemoFixture>;

public sealed class DemoSeederOnPostgres(PostgresDemoFixture demo) : DemoSeederTests(demo), IClassFixture<PostgresDemoFixture>;
