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
                var detail = $"This API token lacks the scope {string.Join(" and ", names.Select(n => $"'{n}'"))}.";
                // TAXII clients read TAXII error bodies; everyone else gets RFC 9457 problem details.
                if (http.Request.Path.StartsWithSegments("/taxii2"))
                {
                    await Taxii.TaxiiError.Forbidden(detail).ExecuteAsync(http);
                    return;
                }
                await Results.Problem(
                    detail: detail,
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
