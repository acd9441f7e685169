namespace Parley.Hotline;

public sealed record StartCheckInput(TimeSpan? AnswerWithin);

/// A mechanism's standing schedule. NextRunAt defaults to now + every.
public sealed record ScheduleInput(TimeSpan? Every, TimeSpan? AnswerWithin, DateTimeOffset? NextRunAt);

public sealed record ScheduleDto(string Mechanism, TimeSpan Every, TimeSpan AnswerWithin, DateTime NextRunAt);

public sealed record CheckCounts(int Pings, int OnTime, int Late, int Never, int Pending);

public sealed record CheckSummary(Guid Id, string Mechanism, DateTime StartedAt, TimeSpan AnswerWithin, DateTime DueAt, bool Scheduled, CheckCounts Counts);

public sealed record PingDto(Guid ContactId, string Contact, string Agency, string Party, string? Email, DateTime SentAt, DateTime? AnsweredAt,
    TimeSpan? ResponseTime, PingResult Result);

public sealed record CheckDetail(CheckSummary Check, IReadOnlyList<PingDto> Pings);

/// One contact over the period: answer rate = answered (on time or late) / decided pings; on-time rate likewise.
public sealed record ContactRecord(Guid ContactId, string Contact, string Agency, string Party, int Pings, int OnTime, int Late, int Never, int Pending,
    double? AnswerRate, double? OnTimeRate, TimeSpan? MedianResponseTime);

/// What the anonymous acknowledgement link shows or returns.
public sealed record AckStatus(string Mechanism, string Contact, DateTime SentAt, DateTime DueAt, DateTime? AnsweredAt, PingResult Result);
