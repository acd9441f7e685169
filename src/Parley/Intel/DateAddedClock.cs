namespace Parley.Intel;

/// Hands out strictly increasing `date_added` instants (microsecond steps), so that a TAXII client
/// that resumes with `added_after` = the last date it saw never skips an object added in the same instant.
public sealed class DateAddedClock(TimeProvider time)
{
    private long _last;

    public DateTime Next()
    {
        var now = Truncate(time.GetUtcNow().UtcDateTime).Ticks;
        while (true)
        {
            var last = Interlocked.Read(ref _last);
            var next = Math.Max(now, last + TimeSpan.TicksPerMicrosecond);
            if (Interlocked.CompareExchange(ref _last, next, last) == last) return new DateTime(next, DateTimeKind.Utc);
        }
    }

    /// PostgreSQL keeps microseconds; cut every stored instant to them so both databases compare alike.
    public static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMicrosecond, DateTimeKind.Utc);
}
