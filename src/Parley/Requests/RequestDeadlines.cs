using NodaTime;
using Parley.Deadlines;

namespace Parley.Requests;

/// Rebuilds a request's stored deadlines from its events.
public static class RequestDeadlines
{
    public static void Recompute(Request request, DeadlineRules.Rule rule)
    {
        var history = HistoryOf(request.Events);
        if (history is null)
        {
            request.Deadlines.Clear();
            request.NextDueAt = null;
            return;
        }
        var atRisk = DeadlineCalculator.Compute(Scaled(rule.Policy), rule.Clock, history).ToDictionary(d => d.Kind, d => d.Due);
        foreach (var computed in DeadlineCalculator.Compute(rule.Policy, rule.Clock, history))
        {
            var stored = request.Deadlines.SingleOrDefault(d => d.Kind == computed.Kind);
            if (stored is null)
            {
                stored = new RequestDeadline { RequestId = request.Id, Kind = computed.Kind };
                request.Deadlines.Add(stored);
            }
            stored.DueAt = computed.Due?.ToDateTimeUtc();
            stored.RemainingWhenPaused = computed.RemainingWhenPaused?.ToTimeSpan();
            stored.CompletedAt = computed.CompletedAt?.ToDateTimeUtc();
            stored.State = computed.State;
            var running = computed.State == DeadlineState.Pending && computed.Due is not null;
            stored.AtRiskAt = running ? atRisk[computed.Kind]?.ToDateTimeUtc() : null;
            // The watcher looks again from the at-risk instant; alerts it already recorded for the same
            // due instant are not repeated (unique per cause).
            stored.WatchAt = running ? stored.AtRiskAt ?? stored.DueAt : null;
        }
        request.NextDueAt = request.Deadlines
            .Where(d => d.State == DeadlineState.Pending && d.DueAt is not null)
            .Min(d => d.DueAt);
    }

    /// The same policy with every span cut to its at-risk share: its due instants are the at-risk instants.
    private static Directory.TimelinePolicy Scaled(Directory.TimelinePolicy p) => new()
    {
        Priority = p.Priority, Clock = p.Clock, AtRiskShare = p.AtRiskShare,
        AcknowledgeWithin = p.AcknowledgeWithin * p.AtRiskShare,
        FirstAnswerWithin = p.FirstAnswerWithin * p.AtRiskShare,
        FinalAnswerWithin = p.FinalAnswerWithin * p.AtRiskShare,
    };

    public static DeadlineHistory? HistoryOf(IEnumerable<RequestEvent> events)
    {
        Instant? submitted = null, acknowledged = null, firstAnswer = null, finalAnswer = null, cancelled = null, pauseStart = null;
        var pauses = new List<ClockPause>();
        foreach (var e in events.OrderBy(e => e.Sequence))
        {
            var at = Instant.FromDateTimeUtc(e.OccurredAt);
            switch (e.Type)
            {
                case RequestEventType.Submitted: submitted ??= at; break;
                case RequestEventType.Acknowledged: acknowledged ??= at; break;
                case RequestEventType.ClarificationRequested: pauseStart ??= at; break;
                case RequestEventType.ClarificationProvided: ClosePause(at); break;
                case RequestEventType.PartialAnswer: firstAnswer ??= at; break;
                case RequestEventType.FinalAnswer:
                    firstAnswer ??= at;
                    finalAnswer ??= at;
                    break;
                // A reasoned refusal is a response: it answers every clock that is still running.
                case RequestEventType.Declined:
                    ClosePause(at);
                    acknowledged ??= at;
                    firstAnswer ??= at;
                    finalAnswer ??= at;
                    break;
                case RequestEventType.Withdrawn:
                    ClosePause(at);
                    cancelled ??= at;
                    break;
            }
        }
        if (pauseStart is not null) pauses.Add(new ClockPause(pauseStart.Value, null));
        return submitted is null ? null : new DeadlineHistory(submitted.Value, pauses, acknowledged, firstAnswer, finalAnswer, cancelled);

        void ClosePause(Instant at)
        {
            if (pauseStart is null) return;
            pauses.Add(new ClockPause(pauseStart.Value, at));
            pauseStart = null;
        }
    }
}
