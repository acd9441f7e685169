using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Parley.Intel;

/// A count of the changes to a collection's stored objects, raised in the same transaction as each change,
/// so that a process holding the collection in memory can tell that another process changed it.
public sealed class CollectionVersion
{
    public Guid CollectionId { get; set; }
    public long Version { get; set; }
}

public sealed class CollectionVersionConfiguration : IEntityTypeConfiguration<CollectionVersion>
{
    public void Configure(EntityTypeBuilder<CollectionVersion> b)
    {
        b.ToTable("StixCollectionVersions");
        b.HasKey(v => v.CollectionId);
    }
}
