using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Parley.Audit;

/// One link of the append-only, hash-chained audit trail. Never updated or deleted by Parley.
public sealed class AuditEntry
{
    public long Sequence { get; init; }
    public DateTime At { get; init; }
    /// user, token, system or anonymous.
    public string ActorType { get; init; } = "";
    /// The user's or the token's id; none for system and anonymous.
    public Guid? ActorId { get; init; }
    public Guid? AgencyId { get; init; }
    public Guid? PartyId { get; init; }
    public string Action { get; init; } = "";
    public string SubjectType { get; init; } = "";
    public string SubjectId { get; init; } = "";
    /// SHA-256 (hex) of the canonical JSON of what changed or was read.
    public string PayloadDigest { get; init; } = "";
    public string PreviousHash { get; init; } = "";
    public string Hash { get; init; } = "";
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.HasKey(e => e.Sequence);
        // Assigned under the chain lock, never by the database: a rolled-back transaction leaves no gap.
        b.Property(e => e.Sequence).ValueGeneratedNever();
        b.Property(e => e.ActorType).HasMaxLength(16);
        b.Property(e => e.Action).HasMaxLength(64);
        b.Property(e => e.SubjectType).HasMaxLength(64);
        b.Property(e => e.SubjectId).HasMaxLength(200);
        b.Property(e => e.PayloadDigest).HasMaxLength(64);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.PartyId, e.Sequence });
    }
}
