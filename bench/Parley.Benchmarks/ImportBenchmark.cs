using System.Diagnostics;
using Parley.Data;
using Parley.Directory;
using Parley.Intel;
using Parley.Stix;

namespace Parley.Benchmarks;

/// `import`: a 100,000-object bundle file streamed through the same ingest as `parley import stix`
/// (validation, TLP, dedup, batched inserts in one transaction); objects/s and peak memory.
/// A fresh process spends a good part of a 100,000-object import compiling (the JIT and its tier-1
/// recompiles of the hot methods); `--warm-objects` imports other objects first, unmeasured, to see the
/// rate of a server that has imported before.
public static class ImportBenchmark
{
    // Far past any measured bundle's object numbers, so the warm-up's ids are never duplicates of them.
    private const int WarmFirst = 40_000_000;

    public static async Task RunAsync(BenchDb kind, string? postgresServer, int objects, int warmObjects, bool viaCli)
    {
        var file = Path.Combine(Path.GetTempPath(), $"parley-bench-bundle-{objects}.json");
        if (!File.Exists(file)) await StixGenerator.WriteBundleAsync(file, objects);
        Console.WriteLine($"import: {objects:N0} objects, bundle {new FileInfo(file).Length / 1048576.0:F0} MB ({file})");

        await using var database = await BenchDatabase.CreateAsync(kind, postgresServer, "import");
        await BenchServer.MigrateAsync(database.Storage);
        await using var services = BenchServer.DatabaseServices(database.Storage);
        await BenchDirectory.SeedAsync(services, DateTime.UtcNow);
        Console.WriteLine(database.Description);
        if (viaCli)
        {
            await RunCliAsync(database.Storage, file);
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var dir = await new DirectoryCache().GetAsync(db, default);
        var mechanism = dir.Mechanisms.Values.Single();
        var fbi = dir.Agencies.Values.Single(a => a.Code == "FBI");
        var target = new IngestTarget(SharingCollection.For(mechanism, dir)[0], fbi.PartyId, fbi.Id, null);
        if (warmObjects > 0) await WarmUpAsync(services, target, warmObjects);

        GC.Collect();
        var before = Process.GetCurrentProcess().WorkingSet64;
        using var sampler = new PeakMemory();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await using var stream = File.OpenRead(file);
        var result = await new StixIngest(db, new DateAddedClock(TimeProvider.System))
            .IngestAsync(StixIngest.FromBundle(new StixBundleReader(stream)), target, false, default);
        watch.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"  stored {result.Stored:N0}, refused {result.Failures.Count}, in {watch.Elapsed.TotalSeconds:F1} s: " +
                          $"{result.Total / watch.Elapsed.TotalSeconds:N0} objects/s; " +
                          $"CPU {cpu.TotalSeconds:F1} s = {result.Total / cpu.TotalSeconds:N0} objects per CPU-second");
        Console.WriteLine($"  memory: working set {before / 1048576.0:F0} MB before, peak {sampler.PeakWorkingSet / 1048576.0:F0} MB, " +
                          $"peak managed heap {sampler.PeakManaged / 1048576.0:F0} MB");
    }

    /// `--cli`: the real `parley import stix FILE --agency FBI --db …` in a process of its own, on the database set up
    /// here, as an analyst runs it. Its rate is the one it prints (around the ingest of the file); the wall time of
    /// the whole command (start, migration check, directory) and its peak working set, sampled every 50 ms, come
    /// from outside.
    private static async Task RunCliAsync(StorageOptions storage, string file)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["exec", Path.Combine(AppContext.BaseDirectory, "parley.dll"), "import", "stix", file, "--agency", "FBI",
                     "--db", storage.Provider == StorageProvider.Sqlite ? $"sqlite:{storage.ConnectionString}" : storage.ConnectionString])
            start.ArgumentList.Add(argument);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.HasExited)
        {
            try
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
            }
            catch (InvalidOperationException) { } // exited between the check and the read
            await Task.Delay(50);
        }
        await process.WaitForExitAsync();
        watch.Stop();
        var printed = await output;
        if (process.ExitCode != 0) throw new InvalidOperationException($"parley import stix exited {process.ExitCode}: {await errors}");
        var rate = System.Text.RegularExpressions.Regex.Match(printed, @"\((\d+) objects/s\)").Groups[1].Value;
        Console.WriteLine($"  parley import stix: {printed.Trim()}");
        Console.WriteLine($"  {rate} objects/s as the command prints it; the whole command {watch.Elapsed.TotalSeconds:F1} s; peak working set {peak / 1048576.0:F0} MB");
    }

    private static async Task WarmUpAsync(IServiceProvider services, IngestTarget target, int count)
    {
        var file = Path.Combine(Path.GetTempPath(), $"parley-bench-bundle-warm-{count}.json");
        if (!File.Exists(file)) await StixGenerator.WriteBundleAsync(file, count, WarmFirst);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        await using var stream = File.OpenRead(file);
        var watch = Stopwatch.StartNew();
        var result = await new StixIngest(db, new DateAddedClock(TimeProvider.System))
            .IngestAsync(StixIngest.FromBundle(new StixBundleReader(stream)), target, false, default);
        // The background JIT recompiles the methods the warm-up made hot a little after it ends.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Console.WriteLine($"  warm-up (not measured): {result.Stored:N0} other objects in {watch.Elapsed.TotalSeconds:F1} s");
    }

    /// Samples the working set and managed heap every 50 ms while an import runs.
    private sealed class PeakMemory : IDisposable
    {
        private readonly Timer _timer;
        public long PeakWorkingSet { get; private set; }
        public long PeakManaged { get; private set; }

        public PeakMemory() => _timer = new Timer(_ =>
        {
            using var process = Process.GetCurrentProcess();
            PeakWorkingSet = Math.Max(PeakWorkingSet, process.WorkingSet64);
            PeakManaged = Math.Max(PeakManaged, GC.GetTotalMemory(false));
        }, null, 0, 50);

        public void Dispose() => _timer.Dispose();
    }
}
