namespace Parley.Identity;

/// What an API token may do, on top of what its user's roles allow.
[Flags]
public enum TokenScopes
{
    None = 0,
    /// GET and HEAD on the API.
    Read = 1,
    /// POST, PUT, PATCH and DELETE on the API.
    Write = 2,
    /// The TAXII 2.1 server under /taxii2/.
    Taxii = 4,
    /// Endpoints that need the administrator role.
    Admin = 8,
    All = Read | Write | Taxii | Admin,
}

public static class TokenScopeNames
{
    private static readonly Dictionary<string, TokenScopes> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["read"] = TokenScopes.Read,
        ["write"] = TokenScopes.Write,
        ["taxii"] = TokenScopes.Taxii,
        ["admin"] = TokenScopes.Admin,
    };

    public static IEnumerable<string> All => ByName.Keys;

    public static string ToName(TokenScopes scope) => ByName.First(kv => kv.Value == scope).Key;

    public static IReadOnlyList<string> ToNames(TokenScopes scopes) =>
        ByName.Where(kv => (scopes & kv.Value) != 0).Select(kv => kv.Key).ToList();

    public static bool TryParse(IEnumerable<string> names, out TokenScopes scopes)
    {
        scopes = TokenScopes.None;
        foreach (var name in names)
        {
            if (!ByName.TryGetValue(name.Trim(), out var scope)) return false;
            scopes |= scope;
        }
        return scopes != TokenScopes.None;
    }

    /// Every scope the user's roles can use: admin only for administrators.
    public static TokenScopes AllowedFor(User user) =>
        user.Has(Roles.Administrator) ? TokenScopes.All : TokenScopes.All & ~TokenScopes.Admin;
}
