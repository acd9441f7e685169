using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Parley.Benchmarks;

/// N concurrent loops, each submitting a request as a US officer and acknowledging it as a CN
/// officer, over real HTTP, until a deadline.
public sealed class PairDriver(HttpClient http, string submitToken, string acknowledgeToken, string? priority = null)
{
    private const int MaxErrorsPerLoop = 1000;
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    // The body the tests submit (RequestBodies.Valid), per priority (all three in turn unless one is named);
    // the priority picks the clock: urgent runs on the calendar, high and routine on business hours.
    private readonly byte[][] _bodies = (priority is null ? ["urgent", "high", "routine"] : new[] { priority }).Select(p => JsonSerializer.SerializeToUtf8Bytes(new
    {
        toParty = "CN",
        kind = "information",
        priority = p,
        subject = "Intrusion into a US steel producer's mail server",
        narrative = "Between 2026-01-10 and 2026-02-20 an actor exfiltrated mail from a US steel producer through servers hosted in CN.",
        activityStart = "2026-01-10T00:00:00Z",
        activityEnd = "2026-02-20T00:00:00Z",
        sector = "critical manufacturing",
        victims = "A US steel producer",
        tlp = "amber",
        legalBasis = "2015 US–China agreement, guidelines for requesting assistance §2",
        indicators = new object[]
        {
            new { type = "ipv4", value = "203.0.113.7" },
            new { type = "domain", value = "update.example-cdn.com" },
            new { type = "file-hash", value = "44D88612FEA8A8F36DE82E1278ABB02F", hashAlgorithm = "MD5" },
        },
    })).ToArray();

    public sealed record Outcome(int Clients, TimeSpan Elapsed, int Pairs, int Submits, Latency Submit, Latency Acknowledge, int Errors, IReadOnlyList<string> ErrorSamples)
    {
        public double PairsPerSecond => Pairs / Elapsed.TotalSeconds;
        public double SubmitsPerSecond => Submits / Elapsed.TotalSeconds;
    }

    private sealed class LoopState
    {
        public readonly Latency Submit = new(), Acknowledge = new();
        public int Pairs, Submits, Errors;
        public readonly List<string> Samples = [];

        public void Fail(string what)
        {
            Errors++;
            if (Samples.Count < 3) Samples.Add(what);
        }
    }

    public async Task<Outcome> RunAsync(int clients, TimeSpan duration)
    {
        var start = Stopwatch.GetTimestamp();
        var stopAt = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var loops = Enumerable.Range(0, clients).Select(i => Task.Run(() => LoopAsync(i, stopAt))).ToArray();
        var states = await Task.WhenAll(loops);
        var elapsed = Stopwatch.GetElapsedTime(start);
        return new Outcome(clients, elapsed, states.Sum(s => s.Pairs), states.Sum(s => s.Submits),
            Latency.Merge(states.Select(s => s.Submit)), Latency.Merge(states.Select(s => s.Acknowledge)),
            states.Sum(s => s.Errors), states.SelectMany(s => s.Samples).Distinct().Take(5).ToList());
    }

    /// The floor under any API call on this machine: anonymous GET /healthz, same client, same server.
    public async Task<(double PerSecond, Latency Latency)> RunHealthCheckAsync(int clients, TimeSpan duration)
    {
        var start = Stopwatch.GetTimestamp();
        var stopAt = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var loops = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            var latency = new Latency();
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync("/healthz");
                response.EnsureSuccessStatusCode();
                latency.AddSince(started);
            }
            return latency;
        })).ToArray();
        var all = Latency.Merge(await Task.WhenAll(loops));
        return (all.Count / Stopwatch.GetElapsedTime(start).TotalSeconds, all);
    }

    private async Task<LoopState> LoopAsync(int index, long stopAt)
    {
        var state = new LoopState();
        var n = index;
        while (Stopwatch.GetTimestamp() < stopAt && state.Errors < MaxErrorsPerLoop)
        {
            try
            {
                var started = Stopwatch.GetTimestamp();
                var submit = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests") { Content = new ByteArrayContent(_bodies[n++ % _bodies.Length]) };
                submit.Content.Headers.ContentType = Json;
                submit.Headers.Authorization = new AuthenticationHeaderValue("Bearer", submitToken);
                Uri? location;
                EntityTagHeaderValue? etag;
                using (var response = await http.SendAsync(submit))
                {
                    if (response.StatusCode != HttpStatusCode.Created)
                    {
                        state.Fail($"submit: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                        continue;
                    }
                    state.Submit.AddSince(started);
                    state.Submits++;
                    location = response.Headers.Location;
                    etag = response.Headers.ETag;
                }

                started = Stopwatch.GetTimestamp();
                var acknowledge = new HttpRequestMessage(HttpMethod.Post, $"{location}/acknowledge");
                acknowledge.Headers.Authorization = new AuthenticationHeaderValue("Bearer", acknowledgeToken);
                if (etag is not null) acknowledge.Headers.IfMatch.Add(etag);
                using (var response = await http.SendAsync(acknowledge))
                {
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        state.Fail($"acknowledge: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                        continue;
                    }
                    state.Acknowledge.AddSince(started);
                    state.Pairs++;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                state.Fail($"{e.GetType().Name}: {e.Message}");
            }
        }
        return state;
    }
}
