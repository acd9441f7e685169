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

    /// Memory for the newest versions held for GET objects (<see cref="NewestVersionsCache"/>); 0 reads every page from the database.
    [Range(0, 1_000_000)]
    public int PageCacheMegabytes { get; set; } = 512;

    /// How long a change made by another process (`parley import stix`, another server on the same
    /// PostgreSQL) may stay unseen by GET objects. Changes made through this server are seen at once.
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan OtherWritersSeenWithin { get; set; } = TimeSpan.FromSeconds(1);

    public string Title { get; set; } = "Parley TAXII 2.1 server";
}
