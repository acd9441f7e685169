using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Requests;

namespace Parley.Escalation;

public sealed class DeadlineAlertConfiguration : IEntityTypeConfiguration<DeadlineAlert>
{
    public void Configure(EntityTypeBuilder<DeadlineAlert> b)
    {
        b.HasIndex(a => new { a.RequestId, a.Deadline, a.Level, a.DueAt }).IsUnique();
        b.HasIndex(a => a.RecordedAt);
        b.HasOne<Request>().WithMany().HasForeignKey(a => a.RequestId);
    }
}
