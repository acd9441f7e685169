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
    /// SHA-256 (hex) of the canonical JSON of what changed or was read; with <see cref="Changes"/>, of
    /// every change's digest in turn (<see cref="AuditHash.Combined"/>).
    public string PayloadDigest { get; init; } = "";
    /// The transaction's other changes by the same actor, one `ACTION TYPE:ID` line each, or empty.
    /// One entry per transaction and actor, not per changed row: a submit changes about ten rows.
    public string Changes { get; init; } = "";
    public string PreviousHash { get; init; } = "";
    public string Hash { get; init; } = "";
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.HasKey(e => e.Sequence);
        // Assigned under the chain lock, never by a database sequence: a rolled-back transaction leaves no gap.
        b.Property(e => e.Sequence).ValueGeneratedNever();
        b.Property(e => e.ActorType).HasMaxLength(16);
        b.Property(e => e.Action).HasMaxLength(64);
        b.Property(e => e.SubjectType).HasMaxLength(64);
        b.Property(e => e.SubjectId).HasMaxLength(200);
        b.Property(e => e.PayloadDigest).HasMaxLength(64);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        // No index but the sequence: every index is one more page each audited commit writes (measured: the
        // party index alone cost about 4 % of submit throughput). The chain is in time order (the instant never
        // goes back), and an administrator's party filter reads it in sequence order from where the page starts.
    }
}
