using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Parley.Identity;

namespace Parley.Taxii;

/// What every TAXII request must pass before its handler runs, in the order a client meets them:
/// credentials (401), Accept (406), then for a POST the media type (415) and size (413).
public sealed class TaxiiGate(IOptions<TaxiiOptions> options) : IEndpointFilter
{
    public const string Realm = "Parley TAXII";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (Actor.TryFrom(http.User) is null)
        {
            http.Response.Headers.Append("WWW-Authenticate", $"Basic realm=\"{Realm}\", charset=\"UTF-8\"");
            http.Response.Headers.Append("WWW-Authenticate", $"Bearer realm=\"{Realm}\"");
            return TaxiiError.Result(401, "Authentication required",
                "Send HTTP Basic credentials (user name and an API token as the password) or a Bearer API token.");
        }
        if (!TaxiiMedia.Acceptable(http.Request.Headers.Accept))
            return TaxiiError.Result(406, "Not acceptable", $"This server only produces {TaxiiMedia.Type}.");
        if (HttpMethods.IsPost(http.Request.Method))
        {
            if (!TaxiiMedia.IsTaxiiContent(http.Request.ContentType))
                return TaxiiError.Result(415, "Unsupported media type", $"Send the envelope as {TaxiiMedia.Type}.");
            var max = options.Value.MaxContentLength;
            if (http.Request.ContentLength > max)
                return TooLarge(max);
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
                feature.MaxRequestBodySize = max;
        }
        return await next(context);
    }

    public static TaxiiResult TooLarge(long max) =>
        TaxiiError.Result(413, "Request entity too large", $"The API root accepts at most {max} bytes (max_content_length).");
}
