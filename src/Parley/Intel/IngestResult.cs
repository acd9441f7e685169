namespace Parley.Intel;

/// Where incoming objects go and who shares them.
public sealed record IngestTarget(SharingCollection Collection, Guid SourcePartyId, Guid SourceAgencyId, Guid? SourceUserId);

public sealed record IngestSuccess(string Id, string Version);

/// An object that was refused; <paramref name="Index"/> is its position in the bundle or envelope.
public sealed record IngestFailure(int Index, string? Id, string? Version, string Message);

public sealed class IngestResult
{
    public int Total { get; set; }
    /// New versions written.
    public int Stored { get; set; }
    /// Versions already held (same id and version): accepted, not written again.
    public int Duplicates { get; set; }
    public List<IngestSuccess> Successes { get; } = [];
    public List<IngestFailure> Failures { get; } = [];
}
