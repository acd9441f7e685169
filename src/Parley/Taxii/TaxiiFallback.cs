using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

namespace Parley.Taxii;

/// Anything under /taxii2/ that no TAXII endpoint takes: a TAXII client must get a TAXII error
/// message, not the problem+json of the rest of the API — 405 with Allow when the path is a TAXII
/// resource read with the wrong method, else 404.
public static class TaxiiFallback
{
    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    public static void MapTaxiiFallback(this RouteGroupBuilder taxii) =>
        taxii.MapMethods("/{**rest}", Methods, Answer).WithOrder(int.MaxValue);

    private static IResult Answer(HttpContext http, EndpointDataSource endpoints)
    {
        var path = http.Request.Path;
        var allowed = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Order != int.MaxValue && e.RoutePattern.RawText?.StartsWith("/taxii2", StringComparison.Ordinal) == true)
            .Where(e => Matches(e.RoutePattern, path))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            .Distinct().Order(StringComparer.Ordinal).ToList();
        if (allowed.Count == 0) return TaxiiError.NotFound($"No TAXII resource at '{path}'.");
        http.Response.Headers.Allow = string.Join(", ", allowed);
        return TaxiiError.Result(StatusCodes.Status405MethodNotAllowed, "Method not allowed",
            $"{http.Request.Method} is not supported here; allowed: {string.Join(", ", allowed)}.");
    }

    private static bool Matches(RoutePattern pattern, PathString path) =>
        new TemplateMatcher(TemplateParser.Parse(pattern.RawText!.TrimStart('/')), new RouteValueDictionary()).TryMatch(path, new RouteValueDictionary());
}
