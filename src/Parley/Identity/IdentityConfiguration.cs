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
        b.Property(u => u.TotpSecret).HasMaxLength(1000);
        b.Property(u => u.ExternalLogin).HasMaxLength(300);
        b.HasIndex(u => u.ExternalLogin).IsUnique();
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
        // Tokens made before scopes existed keep every scope; the user's roles still bound them.
        b.Property(t => t.Scopes).HasConversion<int>().HasDefaultValue(TokenScopes.All).HasSentinel(TokenScopes.None);
        b.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId);
    }
}

public sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.Property(s => s.Method).HasMaxLength(64);
        b.Property(s => s.UserAgent).HasMaxLength(200);
        b.HasIndex(s => s.UserId);
        b.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId);
    }
}

public sealed class RecoveryCodeConfiguration : IEntityTypeConfiguration<RecoveryCode>
{
    public void Configure(EntityTypeBuilder<RecoveryCode> b)
    {
        b.Property(c => c.Hash).HasMaxLength(32);
        b.HasIndex(c => c.UserId);
        b.HasOne<User>().WithMany().HasForeignKey(c => c.UserId);
    }
}
