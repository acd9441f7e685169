using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Directory;

namespace Parley.Intel;

public sealed class StoredObjectConfiguration : IEntityTypeConfiguration<StoredObject>
{
    public void Configure(EntityTypeBuilder<StoredObject> b)
    {
        b.ToTable("StixObjects");
        b.HasKey(o => o.Seq);
        b.Property(o => o.Seq).ValueGeneratedOnAdd();
        b.Property(o => o.StixId).HasMaxLength(300);
        b.Property(o => o.Type).HasMaxLength(250);
        b.Property(o => o.SpecVersion).HasMaxLength(16);
        b.Property(o => o.VersionText).HasMaxLength(40);
        b.Property(o => o.MarkingRefs).HasMaxLength(4000);
        b.HasOne<Mechanism>().WithMany().HasForeignKey(o => o.MechanismId);
        b.HasIndex(o => new { o.CollectionId, o.StixId, o.Version }).IsUnique();
        // TAXII reads walk a collection in insertion order.
        b.HasIndex(o => new { o.CollectionId, o.Seq });
        // Imports look up the marking definitions a mechanism holds. Only those are indexed: every index on
        // this table is paid for by every object imported (the full (Type, StixId) and MechanismId indexes were).
        b.HasIndex(o => new { o.MechanismId, o.StixId }).HasFilter("\"Type\" = 'marking-definition'").HasDatabaseName("IX_StixObjects_MarkingDefinitions");
    }
}
