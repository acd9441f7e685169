using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Data;
using Parley.Directory;

namespace Parley.Requests;

public sealed class RequestConfiguration : IEntityTypeConfiguration<Request>
{
    public void Configure(EntityTypeBuilder<Request> b)
    {
        b.Property(r => r.Reference).HasMaxLength(32);
        b.HasIndex(r => r.Reference).IsUnique();
        b.Property(r => r.Subject).HasMaxLength(RequestLimits.Subject);
        b.Property(r => r.Narrative).HasMaxLength(RequestLimits.Narrative);
        b.Property(r => r.Sector).HasMaxLength(RequestLimits.ShortText);
        b.Property(r => r.Victims).HasMaxLength(RequestLimits.Victims);
        b.Property(r => r.LegalBasis).HasMaxLength(RequestLimits.LegalBasis);
        b.Property(r => r.DeclineReason).HasMaxLength(RequestLimits.Message);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<Mechanism>().WithMany().HasForeignKey(r => r.MechanismId);
        b.HasOne<Party>().WithMany().HasForeignKey(r => r.FromPartyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Party>().WithMany().HasForeignKey(r => r.ToPartyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agency>().WithMany().HasForeignKey(r => r.FromAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agency>().WithMany().HasForeignKey(r => r.ToAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Indicators).WithOne().HasForeignKey(i => i.RequestId);
        b.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.RequestId);
        b.HasMany(r => r.Deadlines).WithOne().HasForeignKey(d => d.RequestId);
        // Inboxes and outboxes sorted by urgency.
        b.HasIndex(r => new { r.ToAgencyId, r.IsOpen, r.NextDueAt });
        b.HasIndex(r => new { r.ToPartyId, r.IsOpen, r.NextDueAt });
        b.HasIndex(r => new { r.FromAgencyId, r.IsOpen, r.NextDueAt });
        b.HasIndex(r => new { r.FromPartyId, r.IsOpen, r.NextDueAt });
        // The inbox's "needs your action" counts, answered from the index alone.
        b.HasIndex(r => new { r.ToPartyId, r.Status, r.ToAgencyId });
        b.HasIndex(r => new { r.FromAgencyId, r.Status });
    }
}

public sealed class RequestEventConfiguration : IEntityTypeConfiguration<RequestEvent>
{
    public void Configure(EntityTypeBuilder<RequestEvent> b)
    {
        b.HasIndex(e => new { e.RequestId, e.Sequence }).IsUnique();
        b.Property(e => e.Message).HasMaxLength(RequestLimits.Message);
    }
}

public sealed class RequestIndicatorConfiguration : IEntityTypeConfiguration<RequestIndicator>
{
    public void Configure(EntityTypeBuilder<RequestIndicator> b)
    {
        b.Property(i => i.Value).HasMaxLength(RequestLimits.IndicatorValue);
        b.Property(i => i.HashAlgorithm).HasMaxLength(16);
        b.Property(i => i.Note).HasMaxLength(RequestLimits.ShortText);
        b.HasIndex(i => new { i.Type, i.Value });
    }
}

public sealed class RequestDeadlineConfiguration : IEntityTypeConfiguration<RequestDeadline>
{
    public void Configure(EntityTypeBuilder<RequestDeadline> b)
    {
        b.HasKey(d => new { d.RequestId, d.Kind });
        // The deadline watcher wakes for the next instant it must look at, without scanning.
        b.HasIndex(d => d.WatchAt);
    }
}

public sealed class ReferenceCounterConfiguration : IEntityTypeConfiguration<ReferenceCounter>
{
    public void Configure(EntityTypeBuilder<ReferenceCounter> b)
    {
        b.HasKey(c => new { c.MechanismId, c.Direction, c.Year });
        b.Property(c => c.Direction).HasMaxLength(16);
    }
}
