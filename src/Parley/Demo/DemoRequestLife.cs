using NodaTime;
using Parley.Deadlines;
using Parley.Identity;
using Parley.Quality;
using Parley.Requests;
using static Parley.Requests.RequestEventType;

namespace Parley.Demo;

/// One demo request's life after submission. Each side acts in its own working hours (any hour for
/// urgent requests), responses come before their deadline except for the requests picked to be late,
/// and every step goes through <see cref="RequestTimeline.Append"/> in the order the state machine allows.
public sealed class DemoRequestLife(Request request, DeadlineRules.Rule rule, IDeadlineClock requesterClock,
    Actor requester, Actor responder, Actor supervisor, string answer, Random random)
{
    private Instant _now = Instant.FromDateTimeUtc(request.SubmittedAt!.Value);

    /// The requester's rating of the final answer, when it gave one.
    public AnswerRating? Rating { get; private set; }

    private bool CanClarify => request.Kind != RequestKind.Notification;

    /// Answered (and usually closed) or declined; late ones miss one deadline, picked here.
    public void RunToEnd(DemoOutcome outcome, bool clarify)
    {
        DeadlineKind? late = outcome != DemoOutcome.Late ? null
            : random.Next(5) switch { 0 => DeadlineKind.Acknowledge, 1 or 2 => DeadlineKind.FirstAnswer, _ => DeadlineKind.FinalAnswer };
        if (outcome == DemoOutcome.DeclinedAtOnce)
        {
            Respond(Declined, supervisor, DeadlineKind.Acknowledge, false, Pick(DemoCases.DeclineReasons));
            return;
        }
        Respond(Acknowledged, responder, DeadlineKind.Acknowledge, late == DeadlineKind.Acknowledge);
        if (outcome == DemoOutcome.DeclinedAfterAck)
        {
            Respond(Declined, supervisor, DeadlineKind.FirstAnswer, false, Pick(DemoCases.DeclineReasons));
            return;
        }
        Work(WorkStarted, responder, rule.Clock, 10, 240);
        if (clarify && CanClarify) AskAndClarify();
        var partial = CanClarify && Chance(0.35);
        if (partial) Respond(PartialAnswer, responder, DeadlineKind.FirstAnswer, late == DeadlineKind.FirstAnswer, Pick(DemoCases.PartialAnswers));
        // Without a partial answer the final answer is also the first one, so it races the earlier deadline.
        Respond(FinalAnswer, responder, partial ? DeadlineKind.FinalAnswer : DeadlineKind.FirstAnswer, late is DeadlineKind.FirstAnswer or DeadlineKind.FinalAnswer, answer);
        if (Chance(0.8)) Rate(late is not null);
        if (Chance(0.85)) Work(Closed, requester, requesterClock, 60, 30 * 60);
    }

    /// Stops at an open stage: 0 just submitted, 1 acknowledged, 2 in progress, 3 awaiting clarification.
    public void RunUntilStillOpen(int stage)
    {
        if (stage == 0) return;
        Respond(Acknowledged, responder, DeadlineKind.Acknowledge, false);
        if (stage == 1) return;
        Work(WorkStarted, responder, rule.Clock, 10, 240);
        if (stage == 2 && CanClarify && Chance(0.5)) Respond(PartialAnswer, responder, DeadlineKind.FirstAnswer, false, Pick(DemoCases.PartialAnswers));
        if (stage == 3) Respond(ClarificationRequested, responder, DeadlineKind.FirstAnswer, false, Pick(DemoCases.ClarificationQuestions));
    }

    /// Mostly good marks; late answers and one in eight others are rated poorly, and a poor rating usually gets a reply.
    private void Rate(bool late)
    {
        var poor = late ? Chance(0.5) : Chance(0.125);
        int Score() => poor ? random.Next(1, 3) : random.Next(3, 6);
        var answerEvent = request.Events.Single(e => e.Type == FinalAnswer);
        Rating = new AnswerRating
        {
            Id = Guid.CreateVersion7(_now.ToDateTimeOffset()), RequestId = request.Id, AnswerEventId = answerEvent.Id,
            Completeness = Score(), Relevance = Score(), Actionability = Score(),
            Outcome = poor ? RatingOutcome.NothingUsable : request.Kind == RequestKind.Mitigation ? RatingOutcome.MitigationConfirmed : RatingOutcome.InformationProvided,
            Comment = poor ? Pick(DemoCases.PoorRatingComments) : Pick(DemoCases.GoodRatingComments),
            RatedByUserId = requester.UserId, RatedByAgencyId = requester.AgencyId,
        };
        Work(Rated, requester, requesterClock, 60, 8 * 60, $"{Rating.Score:0.0}/5 · {Rating.Comment}");
        Rating.RatedAt = _now.ToDateTimeUtc();
        if (!poor || !Chance(0.7)) return;
        Work(RatingReplied, supervisor, rule.Clock, 60, 16 * 60, Pick(DemoCases.RatingReplies));
        Rating.Reply = request.Events.Last().Message;
        Rating.RepliedByUserId = supervisor.UserId;
        Rating.RepliedAt = _now.ToDateTimeUtc();
    }

    private void AskAndClarify()
    {
        var which = random.Next(DemoCases.ClarificationQuestions.Length);
        Respond(ClarificationRequested, responder, DeadlineKind.FirstAnswer, false, DemoCases.ClarificationQuestions[which]);
        Work(ClarificationProvided, requester, requesterClock, 60, 16 * 60, DemoCases.Clarifications[which]);
    }

    /// A responding step timed against a deadline: somewhere before it, or past it when late.
    private void Respond(RequestEventType type, Actor actor, DeadlineKind deadline, bool late, string? message = null)
    {
        var clock = rule.Clock;
        var due = request.Deadlines.Single(d => d.Kind == deadline).DueAt is { } d ? Instant.FromDateTimeUtc(d) : (Instant?)null;
        Instant at;
        if (due is not { } dueAt || dueAt <= _now)
            at = clock.Add(_now, Duration.FromMinutes(random.Next(10, 240)));
        else if (late)
            at = clock.Add(dueAt, Duration.FromMinutes(random.Next(60, 24 * 60)));
        else
        {
            at = clock.Add(_now, clock.Between(_now, dueAt) * (0.1 + 0.75 * random.NextDouble()));
            if (at > dueAt) at = dueAt;
        }
        Append(type, actor, at, message);
    }

    /// A step with no deadline of its own, some working minutes of the actor's side after the last one.
    private void Work(RequestEventType type, Actor actor, IDeadlineClock clock, int minMinutes, int maxMinutes, string? message = null) =>
        Append(type, actor, clock.Add(_now, Duration.FromMinutes(random.Next(minMinutes, maxMinutes))), message);

    private void Append(RequestEventType type, Actor actor, Instant at, string? message)
    {
        // Whole seconds read better; never at or before the previous step.
        at = Instant.FromUnixTimeSeconds(at.ToUnixTimeSeconds());
        if (at <= _now) at = _now + Duration.FromSeconds(1);
        _now = at;
        RequestTimeline.Append(request, type, actor, at.ToDateTimeUtc(), message, rule);
    }

    private string Pick(string[] items) => items[random.Next(items.Length)];

    private bool Chance(double p) => random.NextDouble() < p;
}

public enum DemoOutcome { OnTime, Late, DeclinedAtOnce, DeclinedAfterAck }
