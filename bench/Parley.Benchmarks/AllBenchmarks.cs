namespace Parley.Benchmarks;

/// `all`: throughput at 2 and 16 clients and the list on SQLite, then on PostgreSQL when a server is named.
public static class AllBenchmarks
{
    public static async Task<int> RunAsync(BenchArgs options, TimeSpan duration, TimeSpan warmup)
    {
        var clients = options.Clients;
        var requests = options.Int("requests", 1_000_000);
        var iterations = options.Int("iterations", 200);
        var databases = new List<BenchDb> { BenchDb.Sqlite };
        if (options.PostgresServer is not null) databases.Add(BenchDb.Postgres);
        else Console.WriteLine($"({BenchArgs.PostgresVariable} is not set: SQLite only.)\n");

        var throughput = new List<ThroughputBenchmark.Row>();
        var lists = new List<ListBenchmark.Result>();
        foreach (var db in databases)
        {
            throughput.AddRange(await ThroughputBenchmark.RunAsync(db, options.PostgresServer, clients, duration, warmup));
            Console.WriteLine();
            lists.Add(await ListBenchmark.RunAsync(db, options.PostgresServer, requests, iterations, options.Flag("regenerate")));
            Console.WriteLine();
        }

        Console.WriteLine("## Summary\n");
        Console.WriteLine(ThroughputBenchmark.Table(throughput));
        Console.WriteLine();
        Console.WriteLine(ListBenchmark.Table(lists));
        return 0;
    }
}
