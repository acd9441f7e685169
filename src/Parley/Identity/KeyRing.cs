using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Parley.Data;

namespace Parley.Identity;

/// ASP.NET Core Data Protection keys (they protect the TOTP secrets and the cookies) live in a
/// `keys` folder beside the SQLite file, or in `DataProtection:KeysPath` (default ./data/keys) for
/// PostgreSQL. Back the folder up with the database: without it the TOTP secrets cannot be read and
/// every user with a second factor would need an administrator's reset.
public static class KeyRing
{
    public static string FolderFor(StorageOptions storage, IConfiguration configuration)
    {
        if (configuration["DataProtection:KeysPath"] is { Length: > 0 } configured) return Path.GetFullPath(configured);
        var folder = storage.Provider == StorageProvider.Sqlite
            ? Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(storage.ConnectionString).DataSource))!
            : Path.Combine(Environment.CurrentDirectory, "data");
        return Path.Combine(folder, "keys");
    }

    public static void AddParleyKeyRing(this IServiceCollection services, StorageOptions storage, IConfiguration configuration) =>
        services.AddDataProtection()
            .SetApplicationName("Parley")
            .PersistKeysToFileSystem(new DirectoryInfo(FolderFor(storage, configuration)));
}
