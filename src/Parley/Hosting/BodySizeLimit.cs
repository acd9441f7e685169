using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Parley.Hosting;

/// Refuses oversized bodies with 413 before they are read, on Kestrel and on the test server alike.
public sealed class BodySizeLimit(RequestDelegate next, long maxBytes)
{
    public async Task InvokeAsync(HttpContext http, IProblemDetailsService problems)
    {
        // An endpoint may declare its own limit (bundle imports), or none and enforce one itself (TAXII).
        var limit = maxBytes;
        if (http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } own)
        {
            if (own.MaxRequestBodySize is null)
            {
                await next(http);
                return;
            }
            limit = own.MaxRequestBodySize.Value;
        }
        if (http.Request.ContentLength > limit)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = 413, Title = "Request body too large", Detail = $"The body may be at most {limit} bytes." },
            });
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = limit;
        await next(http);
    }
}
