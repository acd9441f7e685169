namespace Parley.Web;

/// Headers that make the pages safe to run in a browser: no inline script, no framing, no sniffing,
/// no referrer leaking a request's reference to another site.
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// For self-contained documents (the oversight report, the incident monitor's charts) whose CSS and SVG
    /// are inline so that the same file can be e-mailed: inline styles, still no script at all.
    public const string SelfContainedPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private const string InlineStylesKey = "parley:inline-styles";

    public static void AllowInlineStyles(HttpContext http) => http.Items[InlineStylesKey] = true;

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = http.Items.ContainsKey(InlineStylesKey) ? SelfContainedPolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (http.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000";
            return Task.CompletedTask;
        });
        return next(http);
    }
}
