using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Parley.Tests.Infrastructure;

/// A request to the in-process server with connection details an HttpClient cannot set: the client's
/// address (rate limits, trusted proxies) and the scheme (HSTS).
public static class RawRequest
{
    public static async Task<HttpContext> SendAsync(this TestApp app, IPAddress from, string method, string path,
        string? json = null, string? bearer = null, Action<HttpContext>? adjust = null)
    {
        var http = await app.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = from;
            c.Request.Method = method;
            c.Request.Path = path;
            c.Request.Headers.Accept = path.StartsWith("/taxii2") ? "application/taxii+json;version=2.1" : "application/json";
            if (bearer is not null) c.Request.Headers.Authorization = "Bearer " + bearer;
            if (json is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(json);
                c.Request.ContentType = "application/json";
                c.Request.ContentLength = bytes.Length;
                c.Request.Body = new MemoryStream(bytes);
                c.Features.Set<IHttpRequestBodyDetectionFeature>(new HasBody());
            }
            adjust?.Invoke(c);
        });
        return http;
    }

    /// The response body; readable once.
    public static string Body(this HttpContext http) => new StreamReader(http.Response.Body).ReadToEnd();

    private sealed class HasBody : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }
}
