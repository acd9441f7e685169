using Parley.Benchmarks;

BenchArgs options;
try
{
    options = BenchArgs.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchArgs.Usage);
    return 1;
}

#if DEBUG
Console.WriteLine("WARNING: a Debug build; run with -c Release for figures worth reporting.");
#endif

// A hard stop, whatever hangs: a benchmark must end by itself.
var limit = TimeSpan.FromMinutes(options.Int("max-minutes", 20));
using var watchdog = new Timer(_ =>
{
    Console.Error.WriteLine($"Stopped: the run exceeded --max-minutes {limit.TotalMinutes:0}.");
    Environment.Exit(3);
}, null, limit, Timeout.InfiniteTimeSpan);

var duration = TimeSpan.FromSeconds(options.Int("seconds", 15));
var warmup = TimeSpan.FromSeconds(options.Int("warmup", 20));
try
{
    switch (options.Command)
    {
        case "throughput":
            await ThroughputBenchmark.RunAsync(options.Db, options.PostgresServer, options.Clients, duration, warmup, options.Get("priority"), options.Get("what-if"));
            return 0;
        case "list":
            await ListBenchmark.RunAsync(options.Db, options.PostgresServer, options.Int("requests", 1_000_000), options.Int("iterations", 200), options.Flag("regenerate"));
            return 0;
        case "watcher":
            await WatcherBenchmark.RunAsync(options.Db, options.PostgresServer, options.Int("requests", 1_000_000), options.Int("probes", 20), TimeSpan.FromSeconds(options.Int("idle", 90)));
            return 0;
        case "pages":
            await PagesBenchmark.RunAsync(options.Db, options.PostgresServer, options.Int("incoming", 10_000), options.Int("events", 500), options.Int("iterations", 200));
            return 0;
        case "import":
            await ImportBenchmark.RunAsync(options.Db, options.PostgresServer, options.Int("objects", 100_000), options.Int("warm-objects", 0), options.Flag("cli"));
            return 0;
        case "taxii":
            await TaxiiBenchmark.RunAsync(options.Db, options.PostgresServer, options.Int("objects", 1_000_000), options.Clients, duration, warmup, options.Get("what-if"));
            return 0;
        case "incidents":
            await IncidentsBenchmark.RunAsync(options.Db, options.PostgresServer, options.Int("rows", 1_000_000), options.Int("iterations", 20), options.Get("keep"), options.Get("reuse"));
            return 0;
        case "report":
            await ReportBenchmark.RunAsync(options.Db, options.PostgresServer, options.Int("requests", 100_000), options.Int("iterations", 5), options.Get("keep"), options.Get("reuse"));
            return 0;
        case "audit":
            await AuditBenchmark.RunAsync(options.Db, options.PostgresServer, options.Clients, duration, warmup, options.Int("entries", 1_000_000), options.Int("rounds", 8));
            return 0;
        case "all":
            return await AllBenchmarks.RunAsync(options, duration, warmup);
        default:
            Console.Error.WriteLine(BenchArgs.Usage);
            return 1;
    }
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
