using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Parley.Identity;

/// After authorization: a request made with an API token needs the token's scope for what it does —
/// taxii for the TAXII server, admin for administrator endpoints, write for anything but GET/HEAD,
/// read otherwise. The user's roles have already been checked; scopes only take away.
public sealed class TokenScopeCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.User.FindFirstValue(TokenAuthenticationHandler.ScopesClaim) is { } claim)
        {
            var granted = (TokenScopes)int.Parse(claim);
            var missing = Required(http) & ~granted;
            if (missing != TokenScopes.None)
            {
                var names = TokenScopeNames.ToNames(missing);
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                await Results.Problem(
                    detail: $"This API token lacks the scope {string.Join(" and ", names.Select(n => $"'{n}'"))}.",
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "Token scope missing",
                    extensions: new Dictionary<string, object?> { ["missingScopes"] = names }).ExecuteAsync(http);
                return;
            }
        }
        await next(http);
    }

    private static TokenScopes Required(HttpContext http)
    {
        var safe = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method);
        var required = safe ? TokenScopes.Read : TokenScopes.Write;
        if (http.Request.Path.StartsWithSegments("/taxii2")) required = safe ? TokenScopes.Taxii : TokenScopes.Taxii | TokenScopes.Write;
        var endpoint = http.GetEndpoint();
        if (endpoint?.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == Policies.Administrator) == true)
            required |= TokenScopes.Admin;
        return required;
    }
}
