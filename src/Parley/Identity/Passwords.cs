using Microsoft.AspNetCore.Identity;

namespace Parley.Identity;

/// ASP.NET Core Identity's PBKDF2 hasher (HMAC-SHA512, 100,000 iterations in v3 format), over the
/// NFKC form of the password (see <see cref="PasswordPolicy"/>).
public static class Passwords
{
    private static readonly PasswordHasher<User> Hasher = new();

    public static string Hash(User user, string password) => Hasher.HashPassword(user, PasswordPolicy.Normalise(password));

    public static bool Verify(User user, string password) =>
        user.PasswordHash.Length > 0
        && Hasher.VerifyHashedPassword(user, user.PasswordHash, PasswordPolicy.Normalise(password)) != PasswordVerificationResult.Failed;

    public static string Generate() =>
        ApiTokens.Generate()[ApiTokens.Prefix.Length..][..20];
}
