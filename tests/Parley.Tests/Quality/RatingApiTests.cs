using System.Net;
using Parley.Tests.Infrastructure;
using Parley.Tests.Requests;

namespace Parley.Tests.Quality;

public abstract class RatingApiTests(DatabaseKind kind) : AppTest(kind)
{
    private static readonly object GoodRating = new { completeness = 4, relevance = 5, actionability = 3, outcome = "information-provided", comment = "Logs were complete." };

    private async Task<string> AnsweredRequestAsync()
    {
        var id = await RequestBodies.SubmitAsync(App, "urgent");
        foreach (var (user, action, body) in new (string, string, object?)[]
                 { ("cn.officer", "acknowledge", null), ("cn.officer", "final-answer", new { message = "Subscriber records attached." }) })
            Assert.Equal(HttpStatusCode.OK, (await App.As(user).PostJsonAsync($"/api/v1/requests/{id}/{action}", body)).StatusCode);
        return id;
    }

    [Fact]
    public async Task Rate_AfterFinalAnswer_ByRequester_IsStoredOnceAndShownOnTheTimeline()
    {
        var id = await AnsweredRequestAsync();
        var rated = await App.As("us.supervisor").PostJsonAsync($"/api/v1/requests/{id}/rating", GoodRating);
        Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
        Assert.Equal(4.0, (await rated.ReadAsync()).GetProperty("score").GetDouble());

        var again = await App.As("us.officer").PostJsonAsync($"/api/v1/requests/{id}/rating", GoodRating);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var detail = await (await App.As("cn.officer").GetAsync($"/api/v1/requests/{id}")).ReadAsync();
        Assert.Equal("information-provided", detail.Path("rating", "outcome").GetString());
        Assert.Equal("rated", detail.GetProperty("timeline").EnumerateArray().Last().Str("type"));
        Assert.Equal("answered", detail.Path("summary", "status").GetString());
    }

    [Fact]
    public async Task Rate_BeforeFinalAnswer_Is409_AndByResponder_Is403_AndByThirdParty_Is404()
    {
        var open = await RequestBodies.SubmitAsync(App);
        Assert.Equal(HttpStatusCode.Conflict, (await App.As("us.officer").PostJsonAsync($"/api/v1/requests/{open}/rating", GoodRating)).StatusCode);
        var id = await AnsweredRequestAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("cn.officer").PostJsonAsync($"/api/v1/requests/{id}/rating", GoodRating)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("gb.officer").PostJsonAsync($"/api/v1/requests/{id}/rating", GoodRating)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("gb.officer").PostJsonAsync($"/api/v1/requests/{id}/rating/reply", new { message = "x" })).StatusCode);
    }

    [Fact]
    public async Task Rate_ScoresOutOfRange_NameEachField()
    {
        var id = await AnsweredRequestAsync();
        var response = await App.As("us.officer").PostJsonAsync($"/api/v1/requests/{id}/rating", new { completeness = 0, relevance = 6, outcome = "great" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var bad = await App.As("us.officer").PostJsonAsync($"/api/v1/requests/{id}/rating", new { completeness = 0, relevance = 6, actionability = 3, outcome = "nothing-usable" });
        Assert.Equal(["completeness", "relevance"], (await bad.ReadAsync()).ErrorFields().Order());
    }

    [Fact]
    public async Task Reply_ByAnsweringSide_Once()
    {
        var id = await AnsweredRequestAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await App.As("cn.officer").PostJsonAsync($"/api/v1/requests/{id}/rating/reply", new { message = "Early" })).StatusCode);
        await App.As("us.officer").PostJsonAsync($"/api/v1/requests/{id}/rating", GoodRating);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.As("us.officer").PostJsonAsync($"/api/v1/requests/{id}/rating/reply", new { message = "Me too" })).StatusCode);
        var reply = await App.As("cn.supervisor").PostJsonAsync($"/api/v1/requests/{id}/rating/reply", new { message = "Actionability was limited by the retention period." });
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await App.As("cn.officer").PostJsonAsync($"/api/v1/requests/{id}/rating/reply", new { message = "Again" })).StatusCode);
        var detail = await (await App.As("us.officer").GetAsync($"/api/v1/requests/{id}")).ReadAsync();
        Assert.Equal("Actionability was limited by the retention period.", detail.Path("rating", "reply").GetString());
    }

    [Fact]
    public async Task Rate_Concurrently_OnlyOneRatingStored()
    {
        var id = await AnsweredRequestAsync();
        var responses = await Task.WhenAll(new[] { "us.officer", "us.supervisor", "us.officer2" }
            .Select(user => Task.Run(() => App.As(user).PostJsonAsync($"/api/v1/requests/{id}/rating", GoodRating))));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
    }
}

public sealed class RatingApiOnSqlite() : RatingApiTests(DatabaseKind.Sqlite);

public sealed class RatingApiOnPostgres() : RatingApiTests(DatabaseKind.Postgres);
