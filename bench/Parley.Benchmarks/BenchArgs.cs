namespace Parley.Benchmarks;

public enum BenchDb { Sqlite, Postgres }

/// `<command> [--name value]...`: the few options the load drivers take, parsed by hand.
public sealed class BenchArgs
{
    public const string PostgresVariable = "PARLEY_TEST_POSTGRES";

    private readonly Dictionary<string, string> _options;

    private BenchArgs(string command, Dictionary<string, string> options)
    {
        Command = command;
        _options = options;
    }

    public string Command { get; }

    public static BenchArgs Parse(string[] args)
    {
        if (args.Length == 0) throw new ArgumentException("Name a command: throughput, list, watcher, pages, import, taxii, incidents, report, audit or all.");
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--")) throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            var name = args[i][2..];
            var eq = name.IndexOf('=');
            if (eq > 0) options[name[..eq]] = name[(eq + 1)..];
            else if (i + 1 < args.Length && !args[i + 1].StartsWith("--")) options[name] = args[++i];
            else options[name] = "true";
        }
        return new BenchArgs(args[0].ToLowerInvariant(), options);
    }

    public string? Get(string name) => _options.GetValueOrDefault(name);

    public bool Flag(string name) => _options.TryGetValue(name, out var v) && v is "true" or "1" or "yes";

    public int Int(string name, int fallback) => _options.TryGetValue(name, out var v) ? int.Parse(v) : fallback;

    public BenchDb Db => (Get("db") ?? "sqlite").ToLowerInvariant() switch
    {
        "sqlite" => BenchDb.Sqlite,
        "postgres" or "postgresql" or "pg" => BenchDb.Postgres,
        var other => throw new ArgumentException($"--db is sqlite or postgres, not '{other}'."),
    };

    public IReadOnlyList<int> Clients => (Get("clients") ?? "2,16")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToList();

    /// The PostgreSQL server to create throw-away databases on: --pg, else PARLEY_TEST_POSTGRES.
    public string? PostgresServer => Get("pg") ?? (Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } v ? v : null);

    public const string Usage = """
        Parley load drivers (run with -c Release):

          throughput --db sqlite|postgres [--pg "Host=…"] [--clients 2,16] [--seconds 15] [--warmup 20]
                     [--priority urgent|high|routine] [--what-if write-gate|auto-prepare,no-watcher,no-audit]
              submit + acknowledge pairs over HTTP on loopback; throughput and p50/p99 latency
          list --db sqlite|postgres [--pg "Host=…"] [--requests 1000000] [--iterations 200] [--regenerate]
              the 50 most urgent open incoming requests of one agency among N requests, over HTTP and via EF,
              with the SQL query plans
          watcher --db sqlite|postgres [--pg "Host=…"] [--requests 1000000] [--probes 20] [--idle 90]
              the deadline watcher in the real server with N open requests: due instant → alert visible, idle CPU, query plans
          pages --db sqlite|postgres [--pg "Host=…"] [--incoming 10000] [--events 500] [--iterations 200]
              server time of the inbox page (N open incoming requests) and of a request workspace with 500 events
          import --db sqlite|postgres [--pg "Host=…"] [--objects 100000] [--warm-objects 0]
              a bundle of N STIX objects streamed through `parley import stix`'s ingest; objects/s and peak memory;
              --warm-objects M imports M other objects first (unmeasured), as a running server would have
          taxii --db sqlite|postgres [--pg "Host=…"] [--objects 1000000] [--clients 2,16] [--seconds 15] [--warmup 20] [--what-if write-gate|no-audit]
              TAXII GET objects (limit 100, random pages) on a collection of N objects, and the same bytes from a
              plain in-memory endpoint in the same process (the ceiling)
          incidents --db sqlite|postgres [--rows 1000000] [--iterations 20]
              import N incident rows from a generated CSV (rows/s, peak memory), then a monthly trend filtered on sponsor and victim
          report --db sqlite|postgres [--pg "Host=…"] [--requests 100000] [--iterations 5]
              the oversight report over N requests with their events, deadlines, ratings and escalations:
              time to build it as JSON and as the HTML page with charts
          audit --db sqlite|postgres [--pg "Host=…"] [--clients 2,16] [--seconds 15] [--warmup 20] [--rounds 8 (pairs of alternating slices of --seconds)] [--entries 1000000]
              submit throughput with and without the audit trail in the same run (fresh database per variant, the
              order alternating per round), then `audit verify` over N chained entries loaded directly
          all [--seconds 15] [--requests 1000000]
              throughput (2 and 16 clients) and list on SQLite, and on PostgreSQL when PARLEY_TEST_POSTGRES is set

        Every command stops by itself; --max-minutes (default 20) is a hard limit on the whole run.
        PostgreSQL: --pg or PARLEY_TEST_POSTGRES names a server (superuser); databases parley_bench_* are
        created on it and dropped afterwards.
        """;
}
