using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Limits;

/// Every kind of response carries the browser-hardening headers; HSTS only over TLS, seen directly
/// or through a trusted proxy's X-Forwarded-Proto.
public sealed class SecurityHeaderTests() : AppTest(DatabaseKind.Sqlite)
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.5"), Stranger = IPAddress.Parse("203.0.113.9");

    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = Proxy.ToString() });

    public static TheoryData<string, string, string, string?> Responses => new()
    {
        { "API 200", "GET", "/api/v1/requests", null },
        { "API 401", "GET", "/api/v1/requests", "anonymous" },
        { "API 400 bad JSON", "POST", "/api/v1/requests", "{not json" },
        { "API 404", "GET", $"/api/v1/requests/{Guid.NewGuid()}", null },
        { "API 413", "POST", "/api/v1/requests", new string('x', 2 * 1024 * 1024) },
        { "TAXII 401", "GET", "/taxii2/", "anonymous" },
        { "TAXII 200", "GET", "/taxii2/", null },
        { "page", "GET", "/sign-in", "anonymous" },
        { "page redirect", "GET", "/requests", "anonymous" },
        { "static file", "GET", "/css/parley.css", "anonymous" },
        { "unknown path", "GET", "/no/such/thing", "anonymous" },
        { "OpenAPI", "GET", "/openapi/v1.json", "anonymous" },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task EveryResponseCarriesTheSecurityHeaders(string what, string method, string path, string? body)
    {
        var http = await SendAsync(method, path, body, c => { });
        var headers = http.Response.Headers;
        var csp = headers.ContentSecurityPolicy.ToString();
        Assert.False(string.IsNullOrEmpty(csp), $"{what}: no CSP ({http.Response.StatusCode})");
        Assert.Contains("frame-ancestors 'none'", csp);
        var script = csp.Split(';').Select(d => d.Trim()).FirstOrDefault(d => d.StartsWith("script-src")) ?? csp.Split(';').Select(d => d.Trim()).First(d => d.StartsWith("default-src"));
        Assert.DoesNotContain("unsafe-inline", script);
        Assert.Equal("nosniff", headers.XContentTypeOptions.ToString());
        Assert.Equal("no-referrer", headers["Referrer-Policy"].ToString());
        Assert.Equal("DENY", headers.XFrameOptions.ToString());
        Assert.Empty(headers.StrictTransportSecurity.ToString());
    }

    [Fact]
    public async Task Hsts_OnlyOverTls_OrWhenATrustedProxySaysHttps()
    {
        var direct = await SendAsync("GET", "/sign-in", "anonymous", c => c.Request.Scheme = "https");
        Assert.StartsWith("max-age=", direct.Response.Headers.StrictTransportSecurity.ToString());

        var viaProxy = await SendAsync("GET", "/sign-in", "anonymous", c => { c.Connection.RemoteIpAddress = Proxy; c.Request.Headers["X-Forwarded-Proto"] = "https"; });
        Assert.StartsWith("max-age=", viaProxy.Response.Headers.StrictTransportSecurity.ToString());

        var claimed = await SendAsync("GET", "/sign-in", "anonymous", c => { c.Connection.RemoteIpAddress = Stranger; c.Request.Headers["X-Forwarded-Proto"] = "https"; });
        Assert.Empty(claimed.Response.Headers.StrictTransportSecurity.ToString());

        var plain = await SendAsync("GET", "/sign-in", "anonymous", c => c.Connection.RemoteIpAddress = Proxy);
        Assert.Empty(plain.Response.Headers.StrictTransportSecurity.ToString());
    }

    private Task<HttpContext> SendAsync(string method, string path, string? body, Action<HttpContext> adjust) =>
        App.SendAsync(IPAddress.Loopback, method, path, body == "anonymous" ? null : body,
            body == "anonymous" ? null : App.Directory.Tokens["us.officer"], adjust);
}
