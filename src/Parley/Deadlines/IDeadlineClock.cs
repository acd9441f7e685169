using NodaTime;

namespace Parley.Deadlines;

/// Measures time the way a timeline policy counts it: all elapsed time, or only working time.
public interface IDeadlineClock
{
    /// The instant at which <paramref name="budget"/> of clock time has run since <paramref name="start"/>.
    Instant Add(Instant start, Duration budget);

    /// Clock time that runs between two instants (zero when <paramref name="end"/> is not after <paramref name="start"/>).
    Duration Between(Instant start, Instant end);
}
