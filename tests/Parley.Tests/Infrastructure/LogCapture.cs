using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Parley.Tests.Infrastructure;

/// Writes every log line of every test app (Information and up, every category, whatever the test's
/// own minimum level) to a file under $PARLEY_TEST_LOGS, and records the secrets the tests use
/// beside it, so that tests/Parley.LogScan.Tests — run last by ./test.sh — can prove that no
/// password, API token or second-factor secret reaches a log. Off when the variable is not set.
public static class LogCapture
{
    private static readonly string? Folder = Environment.GetEnvironmentVariable("PARLEY_TEST_LOGS");
    private static readonly object Gate = new();
    private static readonly ConcurrentDictionary<string, bool> Recorded = new();
    private static readonly string Suffix = $"{Environment.ProcessId}-{Guid.NewGuid():N}";

    public static void AddTo(ILoggingBuilder logging)
    {
        if (Folder is null) return;
        System.IO.Directory.CreateDirectory(Folder);
        logging.AddProvider(new Provider());
        logging.AddFilter<Provider>(null, LogLevel.Information);
    }

    public static void Secret(string secret)
    {
        if (Folder is null || !Recorded.TryAdd(secret, true)) return;
        lock (Gate) File.AppendAllText(Path.Combine(Folder, $"secrets-{Suffix}.txt"), secret + "\n");
    }

    private static void Write(string line)
    {
        lock (Gate) File.AppendAllText(Path.Combine(Folder!, $"parley-tests-{Suffix}.log"), line + "\n");
    }

    [ProviderAlias("TestLogCapture")]
    private sealed class Provider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName);
        public void Dispose() { }
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            Write($"{logLevel} {category}[{eventId.Id}] {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}");
        }
    }
}
