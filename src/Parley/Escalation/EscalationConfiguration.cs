using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Directory;
using Parley.Requests;

namespace Parley.Escalation;

public sealed class EscalationLevelConfiguration : IEntityTypeConfiguration<EscalationLevel>
{
    public void Configure(EntityTypeBuilder<EscalationLevel> b)
    {
        b.HasIndex(l => new { l.MechanismId, l.Level }).IsUnique();
        b.Property(l => l.Name).HasMaxLength(200);
        b.Property(l => l.Notify).HasConversion<int>();
        b.HasOne<Mechanism>().WithMany().HasForeignKey(l => l.MechanismId);
    }
}

public sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>
{
    public void Configure(EntityTypeBuilder<Escalation> b)
    {
        b.HasIndex(e => e.AlertId).IsUnique();
        b.HasIndex(e => e.WatchAt);
        b.HasIndex(e => new { e.RequestId, e.RaisedAt });
        b.HasIndex(e => new { e.MechanismId, e.Status, e.Level });
        b.Property(e => e.Reason).HasMaxLength(4000);
        b.Property(e => e.Resolution).HasMaxLength(4000);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasOne<Request>().WithMany().HasForeignKey(e => e.RequestId);
        b.HasOne<Mechanism>().WithMany().HasForeignKey(e => e.MechanismId);
        b.HasOne<DeadlineAlert>().WithMany().HasForeignKey(e => e.AlertId);
        b.HasMany(e => e.Steps).WithOne().HasForeignKey(s => s.EscalationId);
    }
}

public sealed class EscalationStepConfiguration : IEntityTypeConfiguration<EscalationStep>
{
    public void Configure(EntityTypeBuilder<EscalationStep> b)
    {
        b.HasIndex(s => new { s.EscalationId, s.Kind, s.Level }).IsUnique();
        b.Property(s => s.Note).HasMaxLength(4000);
    }
}
