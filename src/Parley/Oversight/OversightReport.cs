namespace Parley.Oversight;

/// The oversight report of one mechanism over one period: per direction (requesting party → responding
/// party) the requests, their timeliness, escalations, quality and backlog; the hotline and the
/// communication checks for the mechanism as a whole. Durations are in hours of the clock named beside them.
public sealed record OversightReport(
    MechanismRef Mechanism,
    ReportPeriod Period,
    DateTime GeneratedAt,
    IReadOnlyList<string> Definitions,
    IReadOnlyList<DirectionReport> Directions,
    HotlineFigures Hotline,
    IReadOnlyList<CheckFigures> CommunicationChecks);

public sealed record MechanismRef(Guid Id, string Code, string Name);

/// [From, To): instants in UTC. Basis says how the period was chosen, e.g. "since the dialogue round …".
public sealed record ReportPeriod(DateTime From, DateTime To, string Basis);

/// Direction is "US-CN" for requests from the US to CN.
public sealed record DirectionReport(
    string Direction,
    string Requesting,
    string Responding,
    RequestCounts Requests,
    IReadOnlyList<TimingFigures> Timings,
    IReadOnlyList<TargetFigures> Targets,
    MissedFigures Missed,
    EscalationFigures Escalations,
    QualityFigures Quality,
    BacklogFigures Backlog);

/// Requests submitted in the period, by kind and by priority (every kind and priority listed, zeros included).
public sealed record RequestCounts(int Total, IReadOnlyDictionary<string, int> ByKind, IReadOnlyDictionary<string, int> ByPriority);

/// Times of one priority, measured on that priority's clock ("calendar" or "business" time of the responding party).
public sealed record TimingFigures(string Priority, string Clock, Stat Acknowledge, Stat FirstAnswer, Stat FinalAnswer);

/// Count of measured values with their nearest-rank median and 90th percentile; null when there are none.
public sealed record Stat(int Count, double? Median, double? P90);

/// Deadlines of one kind decided by the end of the period: met in time or missed; share = met / (met + missed).
public sealed record TargetFigures(string Deadline, int Met, int Missed, double? ShareWithinTarget);

public sealed record MissedFigures(int Total, IReadOnlyDictionary<string, int> ByDeadline);

public sealed record EscalationFigures(int Total, IReadOnlyDictionary<string, int> ByCause, IReadOnlyList<EscalationLevelFigures> ByLevel);

/// Escalations whose highest level is this one; those acknowledged at this level, and their calendar
/// hours from reaching the level to the acknowledgement.
public sealed record EscalationLevelFigures(int Level, string Name, int Reached, int Acknowledged, double? MedianHoursToAcknowledge, double? P90HoursToAcknowledge);

/// Ratings given in the period to the responding party's final answers.
public sealed record QualityFigures(int Ratings, QualityAverages? Averages, IReadOnlyDictionary<string, int[]> Histogram, IReadOnlyDictionary<string, int> Outcomes);

/// Each 1–5; Overall is the mean of the three dimensions over all ratings.
public sealed record QualityAverages(double Completeness, double Relevance, double Actionability, double Overall);

/// Requests open at the end of the period, by calendar age since submission.
public sealed record BacklogFigures(int Total, IReadOnlyDictionary<string, int> ByAge);

public sealed record HotlineFigures(int Sessions, IReadOnlyDictionary<string, int> ByOutcome, int BothSidesAcknowledged, double? MedianHoursToBothAcknowledged, double? P90HoursToBothAcknowledged);

/// Pings of the communication checks started in the period, per party of the contacts pinged.
public sealed record CheckFigures(string Party, int Pings, int OnTime, int Late, int Never, int Pending, double? ShareOnTime, double? ShareAnswered);
