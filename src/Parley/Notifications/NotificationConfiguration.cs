using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Directory;

namespace Parley.Notifications;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.HasIndex(n => n.IdempotencyKey).IsUnique();
        b.HasIndex(n => n.NextAttemptAt);
        b.HasIndex(n => n.CreatedAt);
        b.HasIndex(n => n.AgencyId);
        b.Property(n => n.IdempotencyKey).HasMaxLength(300);
        b.Property(n => n.EventType).HasMaxLength(100);
        b.Property(n => n.Recipient).HasMaxLength(2000);
        b.Property(n => n.Subject).HasMaxLength(Notification.MaxSubject);
        b.Property(n => n.LastError).HasMaxLength(2000);
        b.HasOne<Webhook>().WithMany().HasForeignKey(n => n.WebhookId);
    }
}

public sealed class NotificationAttemptConfiguration : IEntityTypeConfiguration<NotificationAttempt>
{
    public void Configure(EntityTypeBuilder<NotificationAttempt> b)
    {
        b.HasIndex(a => new { a.NotificationId, a.At });
        b.Property(a => a.Error).HasMaxLength(2000);
        b.HasOne<Notification>().WithMany().HasForeignKey(a => a.NotificationId);
    }
}

public sealed class WebhookConfiguration : IEntityTypeConfiguration<Webhook>
{
    public void Configure(EntityTypeBuilder<Webhook> b)
    {
        b.Property(w => w.Url).HasMaxLength(2000);
        b.Property(w => w.Secret).HasMaxLength(200);
        b.Property(w => w.Events).HasMaxLength(1000);
        b.HasOne<Agency>().WithMany().HasForeignKey(w => w.AgencyId);
    }
}
