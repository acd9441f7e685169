using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Parley.Taxii;

/// The outcome of one TAXII "add objects" request, served by the status endpoint.
public sealed class TaxiiStatusRecord
{
    public Guid Id { get; set; }
    public Guid MechanismId { get; set; }
    public Guid CollectionId { get; set; }
    /// Only the party that posted may read the status.
    public Guid PartyId { get; set; }
    public DateTime RequestTimestamp { get; set; }
    public int TotalCount { get; set; }
    public int SuccessCount { get; set; }
    public int FailureCount { get; set; }
    public int PendingCount { get; set; }
    /// The successes and failures lists, as TAXII status details JSON.
    public required string Details { get; set; }
}

public sealed class TaxiiStatusConfiguration : IEntityTypeConfiguration<TaxiiStatusRecord>
{
    public void Configure(EntityTypeBuilder<TaxiiStatusRecord> b) => b.ToTable("TaxiiStatuses");
}
