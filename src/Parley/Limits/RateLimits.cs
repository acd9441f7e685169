using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Parley.Taxii;

namespace Parley.Limits;

/// The ASP.NET Core rate limiter over every endpoint: a bucket per caller, a stricter one for sign-in,
/// and 429 with Retry-After (problem details, or the TAXII error message under /taxii2).
/// The limiter keeps time with its own clock (System.Threading.RateLimiting takes no TimeProvider),
/// so buckets refill in real time, also in tests.
public static class RateLimits
{
    public static void AddParleyRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((o, limits) =>
        {
            var options = limits.Value;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
            if (!options.Enabled) return;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartitions.SignIn(http, options)),
                PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartitions.General(http, options)));
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var detail = $"Too many requests; try again in {seconds} s.";
        if (http.Request.Path.StartsWithSegments("/taxii2"))
        {
            await TaxiiError.Result(StatusCodes.Status429TooManyRequests, "Too many requests", detail).ExecuteAsync(http);
            return;
        }
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = 429, Title = "Too many requests", Detail = detail },
        });
    }
}
