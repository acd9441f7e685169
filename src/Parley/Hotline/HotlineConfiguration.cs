using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Directory;
using Parley.Identity;
using Parley.Requests;

namespace Parley.Hotline;

public sealed class OnCallShiftConfiguration : IEntityTypeConfiguration<OnCallShift>
{
    public void Configure(EntityTypeBuilder<OnCallShift> b)
    {
        b.HasIndex(s => new { s.PartyId, s.StartsAt });
        b.Property(s => s.Note).HasMaxLength(1000);
        b.HasOne<Party>().WithMany().HasForeignKey(s => s.PartyId);
        b.HasOne<User>().WithMany().HasForeignKey(s => s.UserId);
    }
}

public sealed class HotlineSessionConfiguration : IEntityTypeConfiguration<HotlineSession>
{
    public void Configure(EntityTypeBuilder<HotlineSession> b)
    {
        b.HasIndex(s => new { s.MechanismId, s.OpenedAt });
        b.HasIndex(s => s.EscalationId);
        b.Property(s => s.Subject).HasMaxLength(500);
        b.Property(s => s.OutcomeNote).HasMaxLength(4000);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne<Mechanism>().WithMany().HasForeignKey(s => s.MechanismId);
        b.HasOne<Escalation.Escalation>().WithMany().HasForeignKey(s => s.EscalationId);
        b.HasMany(s => s.Participants).WithOne().HasForeignKey(p => p.SessionId);
        b.HasMany(s => s.Notes).WithOne().HasForeignKey(n => n.SessionId);
        b.HasMany(s => s.Requests).WithOne().HasForeignKey(r => r.SessionId);
    }
}

public sealed class HotlineParticipantConfiguration : IEntityTypeConfiguration<HotlineParticipant>
{
    public void Configure(EntityTypeBuilder<HotlineParticipant> b) =>
        b.HasIndex(p => new { p.SessionId, p.PartyId }).IsUnique();
}

public sealed class HotlineNoteConfiguration : IEntityTypeConfiguration<HotlineNote>
{
    public void Configure(EntityTypeBuilder<HotlineNote> b) => b.Property(n => n.Text).HasMaxLength(20_000);
}

public sealed class HotlineSessionRequestConfiguration : IEntityTypeConfiguration<HotlineSessionRequest>
{
    public void Configure(EntityTypeBuilder<HotlineSessionRequest> b)
    {
        b.HasKey(r => new { r.SessionId, r.RequestId });
        b.HasOne<Request>().WithMany().HasForeignKey(r => r.RequestId);
    }
}

public sealed class CommunicationCheckConfiguration : IEntityTypeConfiguration<CommunicationCheck>
{
    public void Configure(EntityTypeBuilder<CommunicationCheck> b)
    {
        b.HasIndex(c => new { c.MechanismId, c.StartedAt });
        b.HasIndex(c => c.WatchAt);
        b.HasOne<Mechanism>().WithMany().HasForeignKey(c => c.MechanismId);
        b.HasMany(c => c.Pings).WithOne().HasForeignKey(p => p.CheckId);
    }
}

public sealed class CommunicationCheckPingConfiguration : IEntityTypeConfiguration<CommunicationCheckPing>
{
    public void Configure(EntityTypeBuilder<CommunicationCheckPing> b)
    {
        b.HasIndex(p => new { p.CheckId, p.ContactId }).IsUnique();
        b.HasIndex(p => p.TokenHash).IsUnique();
        b.HasIndex(p => p.ContactId);
        b.HasOne<PointOfContact>().WithMany().HasForeignKey(p => p.ContactId);
    }
}

public sealed class CommunicationCheckScheduleConfiguration : IEntityTypeConfiguration<CommunicationCheckSchedule>
{
    public void Configure(EntityTypeBuilder<CommunicationCheckSchedule> b)
    {
        b.HasKey(s => s.MechanismId);
        b.HasIndex(s => s.NextRunAt);
        b.HasOne<Mechanism>().WithOne().HasForeignKey<CommunicationCheckSchedule>(s => s.MechanismId);
    }
}
