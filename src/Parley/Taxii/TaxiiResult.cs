using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parley.Taxii;

/// A TAXII resource or error written with the TAXII media type (never problem+json).
public sealed class TaxiiResult(object body, int status = StatusCodes.Status200OK) : IResult
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public int Status => status;

    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = TaxiiMedia.Type;
        await JsonSerializer.SerializeAsync(http.Response.Body, body, body.GetType(), Options, http.RequestAborted);
    }
}

/// The TAXII 2.1 error message (section 3.6.1).
public sealed record TaxiiError(string Title, string? Description = null, string? HttpStatus = null, string? ErrorCode = null, IReadOnlyDictionary<string, string>? Details = null)
{
    public static TaxiiResult Result(int status, string title, string? description = null) =>
        new(new TaxiiError(title, description, status.ToString(System.Globalization.CultureInfo.InvariantCulture)), status);

    public static TaxiiResult NotFound(string what) => Result(404, "Not found", what);
    public static TaxiiResult Forbidden(string description) => Result(403, "Forbidden", description);
    public static TaxiiResult BadRequest(string description) => Result(400, "Bad request", description);
}
