using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Parley.Limits;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Limits;

/// The rate limiter over the real pipeline. Buckets here barely refill within a test (the token bucket
/// refills continuously, one token a day here) except in the refill test, which must wait in real time: System.Threading.RateLimiting keeps
/// its own clock and takes no TimeProvider, so the fake clock cannot drive it.
public abstract class RateLimitTests(DatabaseKind kind) : AppTest(kind)
{
    private const int TokenBurst = 200, AddressBurst = 5, SignInBurst = 3;
    private static readonly IPAddress Client = IPAddress.Parse("203.0.113.7"), OtherClient = IPAddress.Parse("198.51.100.20");

    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Services.Configure<RateLimitOptions>(o =>
        {
            o.PerToken = Never(TokenBurst);
            o.PerUser = Never(TokenBurst);
            o.PerAddress = Never(AddressBurst);
            o.SignIn = Never(SignInBurst);
        });

    private static BucketOptions Never(int burst) => new() { TokenLimit = burst, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromDays(1) };

    [Fact]
    public async Task FloodFromOneToken_Gets429sWithRetryAfter_WhileAnotherTokenIsServed()
    {
        const int Flood = 10_000;
        var flooder = App.As("us.officer");
        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        var retryAfters = new ConcurrentBag<string>();
        var bodies = new ConcurrentBag<string>();
        var other = new ConcurrentBag<HttpStatusCode>();
        var served = App.As("cn.officer");
        var sent = 0;

        await Parallel.ForEachAsync(Enumerable.Range(0, Flood), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, ct) =>
        {
            using var response = await flooder.GetAsync("/api/v1/session", ct);
            statuses.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                retryAfters.Add(response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString() ?? "missing");
                if (bodies.Count < 5) bodies.Add(response.Content.Headers.ContentType?.MediaType + " " + await response.Content.ReadAsStringAsync(ct));
            }
            // Now and then, in the middle of the flood, the other token asks too (well within its own bucket).
            if (Interlocked.Increment(ref sent) % 100 == 0)
            {
                using var own = await served.GetAsync("/api/v1/session", ct);
                other.Add(own.StatusCode);
            }
        });

        Assert.Equal(TokenBurst, statuses.GetValueOrDefault(HttpStatusCode.OK));
        Assert.Equal(Flood - TokenBurst, statuses.GetValueOrDefault(HttpStatusCode.TooManyRequests));
        Assert.All(retryAfters, r => Assert.True(double.TryParse(r, out var s) && s >= 1, $"Retry-After {r}"));
        Assert.All(bodies, b =>
        {
            Assert.StartsWith("application/problem+json ", b);
            Assert.Equal(429, JsonDocument.Parse(b[(b.IndexOf(' ') + 1)..]).RootElement.GetProperty("status").GetInt32());
        });
        Assert.Equal(Flood / 100, other.Count);
        Assert.All(other, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task AnonymousCallsAreCountedPerAddress_AndTaxiiAnswers429InTheTaxiiFormat()
    {
        for (var i = 0; i < AddressBurst; i++)
            Assert.Equal(401, (await SendAsync(Client, "GET", "/taxii2/")).Response.StatusCode);

        var limited = await SendAsync(Client, "GET", "/taxii2/");
        Assert.Equal(429, limited.Response.StatusCode);
        Assert.Equal("application/taxii+json;version=2.1", limited.Response.ContentType);
        Assert.True(int.Parse(limited.Response.Headers.RetryAfter!) >= 1);
        var error = JsonDocument.Parse(Body(limited)).RootElement;
        Assert.Equal("429", error.GetProperty("http_status").GetString());
        Assert.Equal("Too many requests", error.GetProperty("title").GetString());

        // The communication-check link is anonymous too, and counted against the same address.
        Assert.Equal(429, (await SendAsync(Client, "GET", "/api/v1/communication-checks/ack/not-a-token")).Response.StatusCode);
        Assert.Equal(401, (await SendAsync(OtherClient, "GET", "/taxii2/")).Response.StatusCode);
    }

    [Fact]
    public async Task SignInHasItsOwnStricterLimit_EvenForTheRightPassword()
    {
        for (var i = 0; i < SignInBurst; i++)
        {
            var failed = await SignInAsync(Client, "us.analyst", "wrong guess " + i);
            Assert.Equal(401, failed.Response.StatusCode);
        }

        var limited = await SignInAsync(Client, "us.officer", TestDirectory.Password);
        Assert.Equal(429, limited.Response.StatusCode);
        Assert.NotNull(limited.Response.Headers.RetryAfter.ToString());
        Assert.Equal("application/problem+json", limited.Response.ContentType);

        Assert.Equal(200, (await SignInAsync(OtherClient, "us.officer", TestDirectory.Password)).Response.StatusCode);
        // Other anonymous calls from the limited address still pass: only sign-in is that strict.
        Assert.Equal(401, (await SendAsync(Client, "GET", "/taxii2/")).Response.StatusCode);
    }

    private Task<HttpContext> SignInAsync(IPAddress from, string user, string password) =>
        App.SendAsync(from, "POST", "/api/v1/session", JsonSerializer.Serialize(new { userName = user, password }));

    private Task<HttpContext> SendAsync(IPAddress from, string method, string path) => App.SendAsync(from, method, path);

    private static string Body(HttpContext http) => http.Body();
}

public sealed class RateLimitTestsOnSqlite() : RateLimitTests(DatabaseKind.Sqlite);

public sealed class RateLimitTestsOnPostgres() : RateLimitTests(DatabaseKind.Postgres);

/// The bucket refills with time (real time: see <see cref="RateLimitTests"/>).
public sealed class RateLimitRefillTests() : AppTest(DatabaseKind.Sqlite)
{
    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Services.Configure<RateLimitOptions>(o =>
            o.PerToken = new BucketOptions { TokenLimit = 2, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromSeconds(5) });

    [Fact]
    public async Task AnEmptiedBucketServesAgainAfterTheRetryAfterTime()
    {
        var client = App.As("us.officer");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await client.GetAsync("/api/v1/session")).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);

        var limited = await client.GetAsync("/api/v1/session");
        var wait = limited.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(wait, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        await Task.Delay(wait + TimeSpan.FromMilliseconds(300));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/session")).StatusCode);
    }
}
