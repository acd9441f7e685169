namespace Parley.Directory;

public enum Priority { Urgent, High, Routine }

public enum ClockKind
{
    /// Elapsed wall-clock time.
    Calendar,
    /// Working time of the responding party: its time zone, working week, hours and holidays.
    Business,
}

/// How fast a mechanism expects answers for one priority. With a business clock the spans count
/// working time only (eight hours is one working day with 09:00–17:00 hours).
public sealed class TimelinePolicy
{
    public Guid Id { get; set; }
    public Guid MechanismId { get; set; }
    public Priority Priority { get; set; }
    public ClockKind Clock { get; set; }
    public TimeSpan AcknowledgeWithin { get; set; }
    public TimeSpan FirstAnswerWithin { get; set; }
    public TimeSpan FinalAnswerWithin { get; set; }
    /// Share of a deadline's allowed time after which it is marked at risk.
    public double AtRiskShare { get; set; } = 0.75;
}
