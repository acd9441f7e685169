using Microsoft.AspNetCore.Http.Features;

namespace Parley.Hosting;

/// Refuses oversized bodies with 413 before they are read, on Kestrel and on the test server alike.
public sealed class BodySizeLimit(RequestDelegate next, long maxBytes)
{
    public async Task InvokeAsync(HttpContext http, IProblemDetailsService problems)
    {
        if (http.Request.ContentLength > maxBytes)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = 413, Title = "Request body too large", Detail = $"The body may be at most {maxBytes} bytes." },
            });
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = maxBytes;
        await next(http);
    }
}
