using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Parley.Identity;

namespace Parley.Limits;

/// Who a request counts against: its API token, else its signed-in user, else its client address.
public static class RateLimitPartitions
{
    public static RateLimitPartition<string> General(HttpContext http, RateLimitOptions options)
    {
        if (Actor.TryFrom(http.User) is { } actor)
        {
            // A token is named by a digest of the credential, so that two tokens of one user are two callers
            // and the token itself never sits in memory as a dictionary key.
            if (http.Request.Headers.Authorization.ToString() is { Length: > 0 } credential)
                return Bucket("token:" + Digest(credential), options.PerToken);
            return Bucket("user:" + actor.UserId, options.PerUser);
        }
        return Bucket("ip:" + Address(http), options.PerAddress);
    }

    public static RateLimitPartition<string> SignIn(HttpContext http, RateLimitOptions options) =>
        IsSignIn(http.Request)
            ? Bucket("sign-in:" + Address(http), options.SignIn)
            : RateLimitPartition.GetNoLimiter("");

    private static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Equals("/api/v1/session", StringComparison.OrdinalIgnoreCase)
            || request.Path.Equals("/api/v1/session/", StringComparison.OrdinalIgnoreCase)
            || request.Path.Equals(Web.WebSetup.SignInPath, StringComparison.OrdinalIgnoreCase));

    private static string Address(HttpContext http) => (http.Connection.RemoteIpAddress ?? IPAddress.None).ToString();

    private static string Digest(string credential) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(credential)));

    private static RateLimitPartition<string> Bucket(string key, BucketOptions bucket) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = bucket.TokenLimit,
            TokensPerPeriod = bucket.TokensPerPeriod,
            ReplenishmentPeriod = bucket.ReplenishmentPeriod,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
}
