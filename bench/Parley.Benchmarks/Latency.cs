using System.Diagnostics;

namespace Parley.Benchmarks;

/// Durations in milliseconds, summarised by nearest-rank percentiles.
public sealed class Latency
{
    private readonly List<double> _ms = [];

    public int Count => _ms.Count;

    public void AddSince(long startTimestamp) => _ms.Add(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);

    public void Add(double ms) => _ms.Add(ms);

    public static Latency Merge(IEnumerable<Latency> parts)
    {
        var all = new Latency();
        foreach (var part in parts) all._ms.AddRange(part._ms);
        return all;
    }

    public double Percentile(double p)
    {
        if (_ms.Count == 0) return double.NaN;
        var sorted = _ms.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public double Mean => _ms.Count == 0 ? double.NaN : _ms.Average();
    public double Min => _ms.Count == 0 ? double.NaN : _ms.Min();
    public double Max => _ms.Count == 0 ? double.NaN : _ms.Max();

    public static string Ms(double value) => double.IsNaN(value) ? "–" : value < 10 ? value.ToString("0.00") : value.ToString("0.0");
}

/// CPU used while a phase runs: by this process (client and server share it) and by the whole
/// machine (which includes PostgreSQL's backends), as a share of all cores.
public sealed class CpuMeter
{
    private readonly TimeSpan _processStart = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly (long Busy, long Total)? _machineStart = ReadMachine();
    private readonly long _wallStart = Stopwatch.GetTimestamp();

    public (double Process, double? Machine) Stop()
    {
        var wall = Stopwatch.GetElapsedTime(_wallStart);
        var process = (Process.GetCurrentProcess().TotalProcessorTime - _processStart) / (wall * Environment.ProcessorCount) * 100;
        double? machine = null;
        if (_machineStart is { } start && ReadMachine() is { } end && end.Total > start.Total)
            machine = 100.0 * (end.Busy - start.Busy) / (end.Total - start.Total);
        return (process, machine);
    }

    /// How busy the machine is with other work while this process idles: read it before a phase, since
    /// other jobs on a shared 2-core box skew every figure.
    public static async Task<double?> BackgroundLoadAsync()
    {
        var meter = new CpuMeter();
        await Task.Delay(TimeSpan.FromSeconds(1));
        var (process, machine) = meter.Stop();
        return machine is { } m ? Math.Max(0, m - process) : null;
    }

    private static (long Busy, long Total)? ReadMachine()
    {
        try
        {
            // cpu  user nice system idle iowait irq softirq steal ...
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
            var idle = fields[3] + fields[4];
            var total = fields.Take(8).Sum();
            return (total - idle, total);
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
