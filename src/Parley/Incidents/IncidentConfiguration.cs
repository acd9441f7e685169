using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Directory;
using Parley.Requests;

namespace Parley.Incidents;

public sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> b)
    {
        b.HasIndex(i => i.Key).IsUnique();
        b.HasIndex(i => new { i.FirstSeenYear, i.FirstSeenMonth });
        b.HasIndex(i => i.FirstSeen);
        b.Property(i => i.Key).HasMaxLength(IncidentLimits.Key);
        b.Property(i => i.Title).HasMaxLength(IncidentLimits.Title);
        b.Property(i => i.Description).HasMaxLength(IncidentLimits.Description);
        b.Property(i => i.AttributedBy).HasMaxLength(IncidentLimits.Name);
        b.Ignore(i => i.FirstSeenDate);
        b.Ignore(i => i.ReportedDate);
        b.HasMany(i => i.Facets).WithOne().HasForeignKey(f => f.IncidentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.Sources).WithOne().HasForeignKey(s => s.IncidentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.Requests).WithOne().HasForeignKey(r => r.IncidentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.Breaches).WithOne().HasForeignKey(r => r.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class IncidentFacetConfiguration : IEntityTypeConfiguration<IncidentFacet>
{
    public void Configure(EntityTypeBuilder<IncidentFacet> b)
    {
        b.HasKey(f => new { f.IncidentId, f.Kind, f.Value });
        // Filters look facets up by value; trends count them by value and month from the index alone.
        b.HasIndex(f => new { f.Kind, f.Value, f.FirstSeen, f.FirstSeenYear, f.FirstSeenMonth, f.IncidentId });
        b.Property(f => f.Value).HasMaxLength(IncidentLimits.Name);
    }
}

public sealed class IncidentSourceConfiguration : IEntityTypeConfiguration<IncidentSource>
{
    public void Configure(EntityTypeBuilder<IncidentSource> b)
    {
        b.Property(s => s.Url).HasMaxLength(IncidentLimits.Url);
        b.Property(s => s.Title).HasMaxLength(IncidentLimits.Title);
        b.HasIndex(s => s.IncidentId);
    }
}

public sealed class IncidentRequestLinkConfiguration : IEntityTypeConfiguration<IncidentRequestLink>
{
    public void Configure(EntityTypeBuilder<IncidentRequestLink> b)
    {
        b.ToTable("IncidentRequests");
        b.HasKey(l => new { l.IncidentId, l.RequestId });
        b.HasOne<Request>().WithMany().HasForeignKey(l => l.RequestId);
        b.HasIndex(l => l.RequestId);
    }
}

public sealed class IncidentBreachConfiguration : IEntityTypeConfiguration<IncidentBreach>
{
    public void Configure(EntityTypeBuilder<IncidentBreach> b)
    {
        b.ToTable("IncidentBreaches");
        b.HasKey(x => new { x.IncidentId, x.CommitmentId });
        b.HasOne<Commitment>().WithMany().HasForeignKey(x => x.CommitmentId);
        b.HasIndex(x => x.CommitmentId);
        b.Property(x => x.Note).HasMaxLength(IncidentLimits.Description);
    }
}

public sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> b)
    {
        b.HasOne<Mechanism>().WithMany().HasForeignKey(c => c.MechanismId);
        b.HasIndex(c => new { c.MechanismId, c.Code }).IsUnique();
        b.Property(c => c.Code).HasMaxLength(64);
        b.Property(c => c.Text).HasMaxLength(IncidentLimits.Title);
        b.Property(c => c.Description).HasMaxLength(IncidentLimits.Description);
    }
}

public static class IncidentLimits
{
    public const int Key = 80, Title = 500, Name = 200, Url = 2000, Description = 20_000;
    public const int MaxValues = 50, MaxSources = 50;
}
