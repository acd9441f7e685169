using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Parley.Directory;

public sealed class MechanismConfiguration : IEntityTypeConfiguration<Mechanism>
{
    public void Configure(EntityTypeBuilder<Mechanism> b)
    {
        b.Property(m => m.Code).HasMaxLength(32);
        b.HasIndex(m => m.Code).IsUnique();
        b.Property(m => m.Name).HasMaxLength(200);
        b.Property(m => m.Description).HasMaxLength(4000);
        b.HasMany(m => m.Parties).WithOne().HasForeignKey(p => p.MechanismId);
        b.HasMany(m => m.Rounds).WithOne().HasForeignKey(r => r.MechanismId);
        b.HasMany(m => m.Policies).WithOne().HasForeignKey(p => p.MechanismId);
    }
}

public sealed class MechanismPartyConfiguration : IEntityTypeConfiguration<MechanismParty>
{
    public void Configure(EntityTypeBuilder<MechanismParty> b)
    {
        b.HasKey(mp => new { mp.MechanismId, mp.PartyId });
        b.HasOne(mp => mp.Party).WithMany().HasForeignKey(mp => mp.PartyId);
    }
}

public sealed class DialogueRoundConfiguration : IEntityTypeConfiguration<DialogueRound>
{
    public void Configure(EntityTypeBuilder<DialogueRound> b)
    {
        b.Property(r => r.Title).HasMaxLength(200);
        b.Property(r => r.Location).HasMaxLength(200);
    }
}

public sealed class TimelinePolicyConfiguration : IEntityTypeConfiguration<TimelinePolicy>
{
    public void Configure(EntityTypeBuilder<TimelinePolicy> b) =>
        b.HasIndex(p => new { p.MechanismId, p.Priority }).IsUnique();
}

public sealed class PartyConfiguration : IEntityTypeConfiguration<Party>
{
    public void Configure(EntityTypeBuilder<Party> b)
    {
        b.Property(p => p.Code).HasMaxLength(2);
        b.HasIndex(p => p.Code).IsUnique();
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.TimeZone).HasMaxLength(64);
        b.Property(p => p.WorkingWeek).HasConversion<int>();
        b.HasMany(p => p.CalendarDays).WithOne().HasForeignKey(d => d.PartyId);
        b.HasMany(p => p.Agencies).WithOne(a => a.Party).HasForeignKey(a => a.PartyId);
    }
}

public sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.HasIndex(d => new { d.PartyId, d.Date }).IsUnique();
        b.Property(d => d.Name).HasMaxLength(200);
    }
}

public sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> b)
    {
        b.Property(a => a.Code).HasMaxLength(32);
        b.HasIndex(a => new { a.PartyId, a.Code }).IsUnique();
        b.Property(a => a.Name).HasMaxLength(200);
        b.HasMany(a => a.Contacts).WithOne().HasForeignKey(c => c.AgencyId);
    }
}

public sealed class PointOfContactConfiguration : IEntityTypeConfiguration<PointOfContact>
{
    public void Configure(EntityTypeBuilder<PointOfContact> b)
    {
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Email).HasMaxLength(320);
        b.Property(c => c.Phone).HasMaxLength(64);
        b.Property(c => c.WebhookUrl).HasMaxLength(2000);
    }
}
