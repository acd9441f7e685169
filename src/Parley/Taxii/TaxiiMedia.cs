using Microsoft.Net.Http.Headers;

namespace Parley.Taxii;

public static class TaxiiMedia
{
    public const string Type = "application/taxii+json;version=2.1";
    public const string Stix = "application/stix+json;version=2.1";

    /// A missing Accept, */*, application/* or application/taxii+json (version 2.1 or none) will do.
    public static bool Acceptable(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept)) return true;
        if (!MediaTypeHeaderValue.TryParseList([accept], out var values)) return false;
        return values.Any(v => (v.Quality ?? 1) > 0 && (v.MediaType.Equals("*/*", StringComparison.Ordinal)
            || v.MediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase) || IsTaxii(v)));
    }

    public static bool IsTaxiiContent(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var value) && IsTaxii(value);

    private static bool IsTaxii(MediaTypeHeaderValue v)
    {
        if (!v.MediaType.Equals("application/taxii+json", StringComparison.OrdinalIgnoreCase)) return false;
        var version = v.Parameters.FirstOrDefault(p => p.Name.Equals("version", StringComparison.OrdinalIgnoreCase))?.Value.Value;
        return version is null || version.Trim('"') == "2.1";
    }
}
