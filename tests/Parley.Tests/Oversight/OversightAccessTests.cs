using System.Net;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Oversight;

/// Who reads the report: overseers, supervisors, hotline officers and administrators of the mechanism's
/// parties. Officers work cases and analysts work incidents: 403. A party outside the mechanism: 404.
public abstract class OversightAccessTests(DatabaseKind kind) : AppTest(kind)
{
    [Theory]
    [InlineData("us.overseer", HttpStatusCode.OK)]
    [InlineData("cn.overseer", HttpStatusCode.OK)]
    [InlineData("us.supervisor", HttpStatusCode.OK)]
    [InlineData("cn.hotline", HttpStatusCode.OK)]
    [InlineData("us.admin", HttpStatusCode.OK)]
    [InlineData("us.officer", HttpStatusCode.Forbidden)]
    [InlineData("cn.officer", HttpStatusCode.Forbidden)]
    [InlineData("us.analyst", HttpStatusCode.Forbidden)]
    [InlineData("gb.supervisor", HttpStatusCode.NotFound)]
    [InlineData("gb.officer", HttpStatusCode.NotFound)]
    public async Task Report_ByRole(string user, HttpStatusCode expected)
    {
        foreach (var suffix in new[] { "", ".csv", ".html" })
            Assert.Equal(expected, (await App.As(user).GetAsync($"/api/v1/mechanisms/US-CN/oversight{suffix}")).StatusCode);
        Assert.Equal(expected, (await App.As(user).GetAsync($"/api/v1/mechanisms/{App.Directory.Mechanism.Id}/oversight")).StatusCode);
    }

    [Fact]
    public async Task Report_Anonymous_Is401_AndUnknownMechanism_Is404()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous().GetAsync("/api/v1/mechanisms/US-CN/oversight")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("us.overseer").GetAsync("/api/v1/mechanisms/US-GB/oversight")).StatusCode);
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2026-03-01&to=2026-02-01", "to")]
    [InlineData("format=pdf", "format")]
    public async Task Report_BadQuery_Is400_NamingTheField(string query, string field)
    {
        var response = await App.As("us.overseer").GetAsync($"/api/v1/mechanisms/US-CN/oversight?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], (await response.ReadAsync()).ErrorFields());
    }

    [Fact]
    public async Task Report_DefaultPeriod_RunsFromTheLastDialogueRoundToNow_AndEmptySectionsSaySo()
    {
        await App.WithDbAsync(async db =>
        {
            db.DialogueRounds.Add(new Parley.Directory.DialogueRound { Id = Guid.NewGuid(), MechanismId = App.Directory.Mechanism.Id, Date = new DateOnly(2026, 2, 20), Title = "Fifth round" });
            db.DialogueRounds.Add(new Parley.Directory.DialogueRound { Id = Guid.NewGuid(), MechanismId = App.Directory.Mechanism.Id, Date = new DateOnly(2026, 6, 1), Title = "Next round" });
            return await db.SaveChangesAsync();
        });
        var report = await (await App.As("us.overseer").GetAsync("/api/v1/mechanisms/US-CN/oversight")).ReadAsync();
        Assert.Equal("2026-02-20T00:00:00Z", report.Path("period", "from").GetString());
        Assert.Equal(TestApp.DefaultStart.UtcDateTime, report.Path("period", "to").GetDateTime().ToUniversalTime());
        Assert.Contains("Fifth round", report.Path("period", "basis").GetString());
        Assert.Equal(0, report.GetProperty("directions")[0].Path("requests", "total").GetInt32());
        Assert.Equal(JsonValueKindNull, report.GetProperty("directions")[0].Path("quality", "averages").ValueKind);

        var html = await App.As("us.overseer").GetStringAsync("/api/v1/mechanisms/US-CN/oversight.html");
        OversightHtmlAssert.SelfContained(html, requireChart: false);
        foreach (var empty in new[] { "No requests submitted in this period.", "No escalations in this period.", "No ratings in this period.",
                     "No open requests at the end of the period.", "No hotline sessions in this period.", "No communication checks in this period." })
            Assert.Contains(empty, html);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}

public sealed class OversightAccessOnSqlite() : OversightAccessTests(DatabaseKind.Sqlite);

public sealed class OversightAccessOnPostgres() : OversightAccessTests(DatabaseKind.Postgres);
