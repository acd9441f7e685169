namespace Parley.Cli;

/// A one-line progress bar on standard error, drawn only when it is a terminal and at most ten times a second.
public sealed class ProgressBar(TextWriter output, bool enabled) : IDisposable
{
    private long _lastDrawn = -1;
    private bool _drawn;

    public void Report(long done, long total)
    {
        if (!enabled || total <= 0) return;
        var now = Environment.TickCount64;
        if (now - _lastDrawn < 100) return;
        _lastDrawn = now;
        var share = Math.Clamp((double)done / total, 0, 1);
        var filled = (int)(share * 40);
        output.Write($"\r[{new string('#', filled)}{new string('.', 40 - filled)}] {share,4:P0}");
        _drawn = true;
    }

    public void Dispose()
    {
        if (!_drawn) return;
        output.Write("\r" + new string(' ', 50) + "\r");
        _drawn = false;
    }
}
