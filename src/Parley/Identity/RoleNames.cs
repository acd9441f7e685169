namespace Parley.Identity;

public static class RoleNames
{
    private static readonly Dictionary<string, Roles> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["officer"] = Roles.Officer,
        ["supervisor"] = Roles.Supervisor,
        ["hotline-officer"] = Roles.HotlineOfficer,
        ["overseer"] = Roles.Overseer,
        ["analyst"] = Roles.Analyst,
        ["administrator"] = Roles.Administrator,
    };

    public static IEnumerable<string> All => ByName.Keys;

    public static string ToName(Roles role) => ByName.First(kv => kv.Value == role).Key;

    public static bool TryParse(IEnumerable<string> names, out Roles roles)
    {
        roles = Roles.None;
        foreach (var name in names)
        {
            if (!ByName.TryGetValue(name.Trim(), out var role)) return false;
            roles |= role;
        }
        return roles != Roles.None;
    }

    public static IReadOnlyList<string> ToNames(Roles roles) =>
        ByName.Where(kv => (roles & kv.Value) != 0).Select(kv => kv.Key).ToList();
}
