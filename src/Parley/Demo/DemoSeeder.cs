using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Identity;

namespace Parley.Demo;

/// Seeds the 2015 US–China mechanism and a year of traffic, once; prints the demo sign-ins.
public static class DemoSeeder
{
    public const string CredentialsFile = "demo-credentials.txt";

    public static async Task<bool> SeedAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var credentials = CredentialsPath(scope.ServiceProvider.GetRequiredService<StorageOptions>());
        if (await db.Mechanisms.AnyAsync(m => m.Code == "US-CN", ct))
        {
            output.WriteLine($"Demo already seeded; sign-in names and password are in {credentials}.");
            return false;
        }

        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var password = Passwords.Generate();
        var hash = Passwords.Hash(new User { UserName = "", DisplayName = "" }, password);
        var directory = new DemoDirectory(now, hash);
        var traffic = new DemoTraffic(directory, new Random(2016));
        traffic.Generate(usToCn: 120, cnToUs: 60);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Parties.AddRange(directory.Us, directory.Cn);
        db.Mechanisms.Add(directory.Mechanism);
        db.Users.AddRange(directory.Users.Values);
        db.Requests.AddRange(traffic.Requests);
        db.ReferenceCounters.AddRange(traffic.LastNumbers.Select(n => new ReferenceCounter
        {
            MechanismId = directory.Mechanism.Id, Direction = n.Key, Year = 2016, LastNumber = n.Value,
        }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        scope.ServiceProvider.GetRequiredService<Directory.DirectoryCache>().Invalidate();

        var table = string.Join(Environment.NewLine, directory.Users.Values.Select(u =>
            $"  {u.UserName,-15} {string.Join(", ", RoleNames.ToNames(u.Roles)),-16} {directory.Agencies.Values.Single(a => a.Id == u.AgencyId).Code}"));
        var text = $"""
            Parley demo: the 2015 US–China mechanism with {traffic.Requests.Count} requests of 2016.
            Sign in as any of these users with the password {password}
            {table}
            """;
        output.WriteLine(text);
        await File.WriteAllTextAsync(credentials, text + Environment.NewLine, ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(credentials, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return true;
    }

    private static string CredentialsPath(StorageOptions storage)
    {
        var folder = storage.Provider == StorageProvider.Sqlite
            ? Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(storage.ConnectionString).DataSource))!
            : Environment.CurrentDirectory;
        return Path.Combine(folder, CredentialsFile);
    }
}
