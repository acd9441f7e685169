namespace Parley.Requests;

public enum IndicatorType { Ipv4, Ipv6, Domain, Url, FileHash, Email }

/// An observable attached to a request; maps onto a STIX 2.1 cyber observable.
public sealed class RequestIndicator
{
    public Guid Id { get; set; }
    public Guid RequestId { get; set; }
    public IndicatorType Type { get; set; }
    public required string Value { get; set; }
    /// For file hashes: MD5, SHA-1, SHA-256 or SHA-512.
    public string? HashAlgorithm { get; set; }
    public string? Note { get; set; }
}
