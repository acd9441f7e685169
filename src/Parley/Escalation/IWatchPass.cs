namespace Parley.Escalation;

/// One kind of timed effect the watcher looks after (deadline alerts, escalations climbing, communication
/// checks falling due). Each pass reads only what has come due (an indexed "watch at" column), stores each
/// effect once, and says when it needs to look again.
public interface IWatchPass
{
    Task<WatchPassResult> RunOnceAsync(CancellationToken ct);
}

/// How many effects a pass stored, and the earliest instant it must run again (null: nothing scheduled).
public sealed record WatchPassResult(int Recorded, DateTime? NextWatchAt);
