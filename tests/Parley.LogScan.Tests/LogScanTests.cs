using System.Buffers;
using System.Text;

namespace Parley.LogScan.Tests;

/// Runs after every other test project (./test.sh orders it last): reads the logs that the test apps
/// wrote to $PARLEY_TEST_LOGS and the secrets the tests used (passwords, API tokens, second-factor
/// secrets), and fails if any secret — as written, base64 or URL-encoded — appears in a log line.
public sealed class LogScanTests
{
    private static string Folder =>
        Environment.GetEnvironmentVariable("PARLEY_TEST_LOGS")
        ?? throw new InvalidOperationException("PARLEY_TEST_LOGS is not set: run the tests with ./test.sh, which runs this scan after the others.");

    [Fact]
    public void NoSecretUsedByTheTests_AppearsInAnyLogTheyWrote()
    {
        var logs = Directory.EnumerateFiles(Folder, "parley-tests-*.log").ToList();
        var secrets = Directory.EnumerateFiles(Folder, "secrets-*.txt").SelectMany(File.ReadLines)
            .Where(s => s.Length >= 8).Distinct().ToList();
        Assert.True(logs.Count > 0, $"no test logs under {Folder}: the test apps wrote nothing, so there is nothing to prove.");
        Assert.True(secrets.Count > 0, $"no secrets recorded under {Folder}.");
        Assert.True(logs.Sum(f => new FileInfo(f).Length) > 10_000, "the test logs are implausibly small.");

        // Thousands of secrets (every test app seeds its own tokens) over ~100 MB of logs: one multi-string search per line.
        var forms = SearchValues.Create(secrets.SelectMany(s => new[] { s, Convert.ToBase64String(Encoding.UTF8.GetBytes(s)), Uri.EscapeDataString(s) })
            .Distinct().ToArray(), StringComparison.Ordinal);
        var leaks = new List<string>();
        foreach (var file in logs)
        {
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                var at = line.AsSpan().IndexOfAny(forms);
                if (at >= 0) leaks.Add($"{Path.GetFileName(file)}:{number}: a secret at column {at} in: {line[..Math.Min(line.Length, 200)]}");
            }
        }
        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Take(20)));
    }
}
