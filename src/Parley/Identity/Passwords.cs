using Microsoft.AspNetCore.Identity;

namespace Parley.Identity;

/// ASP.NET Core Identity's PBKDF2 hasher (HMAC-SHA512, 100,000 iterations in v3 format).
public static class Passwords
{
    public const int MinimumLength = 12;
    private static readonly PasswordHasher<User> Hasher = new();

    public static string Hash(User user, string password) => Hasher.HashPassword(user, password);

    public static bool Verify(User user, string password) =>
        user.PasswordHash.Length > 0
        && Hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;

    public static string Generate() =>
        ApiTokens.Generate()[ApiTokens.Prefix.Length..][..20];
}
