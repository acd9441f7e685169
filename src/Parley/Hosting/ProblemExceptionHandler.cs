using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Parley.Hosting;

/// Turns malformed request bodies into 400/413 problem details naming the offending field, and
/// anything unexpected into a 500 without internals.
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        ProblemDetails problem;
        switch (exception)
        {
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                problem = new ProblemDetails { Status = 413, Title = "Request body too large", Detail = exception.Message };
                break;
            case BadHttpRequestException bad when Find<JsonException>(bad) is { } json:
                var field = FieldName(json.Path);
                problem = new HttpValidationProblemDetails(new Dictionary<string, string[]>
                {
                    [field] = [json.Path is null or "$" ? "The body is not valid JSON." : $"The value of {field} is not valid: {Describe(json)}"],
                }) { Status = 400, Title = "The request body could not be read" };
                break;
            case BadHttpRequestException bad:
                problem = new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message };
                break;
            default:
                logger.LogError(exception, "Unhandled exception on {Path}", http.Request.Path);
                problem = new ProblemDetails { Status = 500, Title = "Internal error", Detail = "The server could not complete the request." };
                break;
        }
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
            if (e is T t) return t;
        return null;
    }

    /// "$.indicators[0].type" → "indicators[0].type"
    private static string FieldName(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.") ? path[2..] : path.TrimStart('$');

    private static string Describe(JsonException json) =>
        json.InnerException?.Message ?? (json.Message.Split(" Path:")[0]);
}
