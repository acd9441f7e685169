using Parley.Oversight;
using Parley.Tests.Demo;

namespace Parley.Tests.Oversight;

/// The report over the whole demo year has something in every section the demo seeds (escalations, the
/// hotline and communication checks come from their own features and may be empty, which the page says).
public sealed class DemoOversightTests(SqliteDemoFixture demo) : IClassFixture<SqliteDemoFixture>
{
    [Fact]
    public async Task Report_OnTheDemoYear_FillsEverySeededSection()
    {
        var report = await demo.Db(async db =>
        {
            var mechanism = (await OversightBuilder.FindMechanismAsync(db, "US-CN", default))!;
            var period = OversightPeriod.Resolve(mechanism, "2015-09-25", "2016-12-31", DateTime.UtcNow).Period!;
            return await new OversightBuilder(db).BuildAsync(mechanism, period, DateTime.UtcNow, default);
        });
        Assert.Equal(["US-CN", "CN-US"], report.Directions.Select(d => d.Direction));
        Assert.All(report.Directions, d =>
        {
            Assert.True(d.Requests.Total > 0);
            Assert.All(d.Timings, t => Assert.True(t.Acknowledge.Count > 0 && t.FinalAnswer.Count > 0, t.Priority));
            Assert.All(d.Targets, t => Assert.True(t.Met > 0));
            Assert.True(d.Missed.Total > 0);
            Assert.True(d.Quality.Ratings > 0);
            Assert.True(d.Backlog.Total > 0);
        });
        var html = OversightHtml.Write(report);
        Assert.Contains("<svg", html);
    }
}
