using Microsoft.EntityFrameworkCore;
using Parley.Requests;

namespace Parley.Tests.Demo;

/// Ratings of the demo's answers: mostly good, some poor, poor ones often answered, each matching the timeline.
public abstract partial class DemoSeederTests
{
    [Fact]
    public async Task Ratings_SomePoor_SomeReplied_EachOnTheTimelineAfterTheAnswer()
    {
        var ratings = await Demo.Db(db => db.AnswerRatings.ToListAsync());
        var requests = (await RequestsAsync()).ToDictionary(r => r.Id);

        Assert.InRange(ratings.Count, 80, 170);
        Assert.Contains(ratings, r => r.Score < 2.5);
        Assert.True(ratings.Count(r => r.Score >= 3) > ratings.Count / 2);
        Assert.Contains(ratings, r => r.Reply is not null);
        foreach (var rating in ratings)
        {
            var events = requests[rating.RequestId].Events;
            var answer = events.Single(e => e.Id == rating.AnswerEventId);
            Assert.Equal(RequestEventType.FinalAnswer, answer.Type);
            var rated = events.Single(e => e.Type == RequestEventType.Rated);
            Assert.Equal(rating.RatedAt, rated.OccurredAt);
            Assert.True(rated.OccurredAt > answer.OccurredAt);
            Assert.Equal(rating.Reply is not null, events.Any(e => e.Type == RequestEventType.RatingReplied));
        }
    }
}
