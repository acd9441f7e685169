using Microsoft.Data.Sqlite;
using Parley.Data;
using Parley.Identity;

namespace Parley.Demo;

/// The demo's sign-in names, shared password and TOTP secrets: printed once and kept, readable by the owner only,
/// next to the SQLite database (or in the working directory for PostgreSQL).
public static class DemoCredentials
{
    public const string FileName = "demo-credentials.txt";

    public static string PathFor(StorageOptions storage)
    {
        var folder = storage.Provider == StorageProvider.Sqlite
            ? Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(storage.ConnectionString).DataSource))!
            : Environment.CurrentDirectory;
        return Path.Combine(folder, FileName);
    }

    public static string Describe(DemoDirectory directory, int requests, string password, IReadOnlyDictionary<string, string> totpSecrets)
    {
        var agencies = directory.Agencies.Values.ToDictionary(a => a.Id, a => a.Code);
        var rows = directory.Users.Values.Select(u =>
            $"  {u.UserName,-14} {string.Join(", ", RoleNames.ToNames(u.Roles)),-16} {agencies[u.AgencyId],-5} {u.DisplayName}");
        return $"""
            Parley demo: the 2015 US–China mechanism (US-CN) with {requests} requests of {DemoTraffic.Year}.
            Sign in as any of these users with the password {password}
              {"user",-14} {"role",-16} {"agency",-5} name
            {string.Join(Environment.NewLine, rows)}
            These users also need a code from an authenticator app (TOTP, 30 s, 6 digits); add the secret
            by hand or open the otpauth:// link on a phone:
            {string.Join(Environment.NewLine, totpSecrets.OrderBy(kv => kv.Key).Select(kv =>
                $"  {kv.Key,-14} {kv.Value}  otpauth://totp/Parley%3A{Uri.EscapeDataString(kv.Key)}?secret={kv.Value}&issuer=Parley"))}
            """;
    }

    public static async Task WriteAsync(string path, string text, CancellationToken ct)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var stream = new FileStream(path, options))
        await using (var writer = new StreamWriter(stream))
            await writer.WriteLineAsync(text.AsMemory(), ct);
        // UnixCreateMode applies only to a new file; an older file keeps its mode otherwise.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
