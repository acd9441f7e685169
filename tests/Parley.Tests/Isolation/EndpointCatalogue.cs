using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;

namespace Parley.Tests.Isolation;

/// Every endpoint the app serves, read from its EndpointDataSource: "METHOD /route/{pattern}" with the
/// route parameters to fill. Razor pages appear with GET, and POST when their model has an OnPost handler.
public static class EndpointCatalogue
{
    public sealed record Entry(string Method, string Pattern, IReadOnlyList<string> Parameters, bool IsPage)
    {
        public string Key => $"{Method} {Pattern}";
    }

    public static IReadOnlyList<Entry> Read(IServiceProvider services)
    {
        var entries = new List<Entry>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var parameters = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
            var pattern = Normalise(endpoint.RoutePattern);
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                entries.Add(new Entry("GET", pattern, parameters, true));
                if (HasPostHandler(page)) entries.Add(new Entry("POST", pattern, parameters, true));
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (methods is null or { Count: 0 }) throw new InvalidOperationException($"Endpoint {pattern} accepts any method; name them.");
            foreach (var method in methods) entries.Add(new Entry(method, pattern, parameters, false));
        }
        return entries.DistinctBy(e => e.Key).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
    }

    /// "{id:guid}" → "{id}", so that the table names parameters, not their constraints.
    private static string Normalise(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p2 => "{" + p2.Name + "}",
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart s2 => s2.Content,
            _ => "?",
        })))) + (pattern.RawText?.EndsWith('/') == true && pattern.PathSegments.Count > 0 ? "/" : "");

    private static bool HasPostHandler(PageActionDescriptor page)
    {
        var assembly = typeof(Parley.Hosting.ParleyHost).Assembly;
        // "/Requests/Workspace" → a PageModel in the Parley assembly named after the page.
        var name = "Parley.Pages" + page.ViewEnginePath.Replace('/', '.') + "Model";
        var model = assembly.GetType(name);
        if (model is null) throw new InvalidOperationException($"No page model found for {page.ViewEnginePath}.");
        return model.GetMethods(BindingFlags.Public | BindingFlags.Instance).Any(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal));
    }
}
