using System.ComponentModel.DataAnnotations;

namespace Parley.Taxii;

public sealed class TaxiiOptions
{
    /// The largest request body a TAXII client may send (advertised as max_content_length).
    [Range(1024, long.MaxValue)]
    public long MaxContentLength { get; set; } = 10 * 1024 * 1024;

    /// Page size when a client gives no `limit`, and the most a page may hold.
    [Range(1, 10_000)]
    public int DefaultPageSize { get; set; } = 100;

    [Range(1, 10_000)]
    public int MaxPageSize { get; set; } = 1000;

    public string Title { get; set; } = "Parley TAXII 2.1 server";
}
