using System.Security.Cryptography;
using System.Text;

namespace Parley.Identity;

public static class ApiTokens
{
    public const string Prefix = "pky_";

    /// A new random token; only its SHA-256 is kept.
    public static string Generate() =>
        Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static ApiToken Create(User user, string name, DateTime now, TimeSpan lifetime, out string token)
    {
        token = Generate();
        return new ApiToken
        {
            Id = Guid.CreateVersion7(now),
            UserId = user.Id,
            Name = name,
            Prefix = token[..10],
            Hash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
            Scopes = TokenScopeNames.AllowedFor(user),
        };
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
