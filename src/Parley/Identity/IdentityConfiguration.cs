using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Parley.Identity;

public sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.Property(u => u.UserName).HasMaxLength(64);
        b.HasIndex(u => u.UserName).IsUnique();
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.Email).HasMaxLength(320);
        b.Property(u => u.TimeZone).HasMaxLength(64);
        b.Property(u => u.Language).HasMaxLength(16);
        b.Property(u => u.PasswordHash).HasMaxLength(200);
        b.Property(u => u.Roles).HasConversion<int>();
        b.HasOne(u => u.Agency).WithMany().HasForeignKey(u => u.AgencyId);
    }
}

public sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Prefix).HasMaxLength(16);
        b.Property(t => t.Hash).HasMaxLength(32);
        b.HasIndex(t => t.Hash).IsUnique();
        b.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId);
    }
}
