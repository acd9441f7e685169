using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Directory;
using Parley.Identity;

namespace Parley.Demo;

/// Seeds the 2015 US–China mechanism and a year of its traffic, once, and prints the demo sign-ins.
public static class DemoSeeder
{
    public const string MechanismCode = "US-CN";
    public const string CredentialsFile = DemoCredentials.FileName;

    /// True when it seeded; false (after a one-line reminder) when the demo mechanism already exists.
    public static async Task<bool> SeedAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var credentials = DemoCredentials.PathFor(scope.ServiceProvider.GetRequiredService<StorageOptions>());
        if (await db.Mechanisms.AnyAsync(m => m.Code == MechanismCode, ct))
        {
            output.WriteLine($"Demo already seeded; the sign-in names and password are in {credentials}.");
            return false;
        }

        var taken = await TakenNamesAsync(db, ct);
        if (taken.Count > 0)
        {
            output.WriteLine($"Demo not seeded: this database already has {string.Join(", ", taken)}; the demo needs a database of its own (e.g. --db data/demo.db).");
            return false;
        }

        var now = (scope.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var password = Passwords.Generate();
        // PBKDF2 is slow on purpose: hash once, every demo user shares the password.
        var hash = Passwords.Hash(new User { UserName = "demo", DisplayName = "demo" }, password);
        var directory = new DemoDirectory(now, hash);
        var totpSecrets = EnrolSecondFactors(directory, scope.ServiceProvider.GetRequiredService<SecondFactor>(), now);
        var traffic = new DemoTraffic(directory, new Random(DemoTraffic.Year));
        traffic.Generate(usToCn: 120, cnToUs: 60);

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Parties.AddRange(directory.Us, directory.Cn);
            db.Mechanisms.Add(directory.Mechanism);
            db.Users.AddRange(directory.Users.Values);
            DemoEscalations.AddTo(db, directory, traffic, now);
            db.Requests.AddRange(traffic.Requests);
            db.AnswerRatings.AddRange(traffic.Ratings);
            db.AddRange(DemoIncidents.Create(directory.Mechanism.Id, now));
            // Live submissions of the same year continue these sequences.
            db.ReferenceCounters.AddRange(traffic.LastNumbers.Select(n => new ReferenceCounter
            {
                MechanismId = directory.Mechanism.Id, Direction = n.Key, Year = DemoTraffic.Year, LastNumber = n.Value,
            }));
            await db.SaveChangesAsync(ct);
            await DemoHotline.SeedAsync(db, directory, traffic.Requests, now, ct);
            await tx.CommitAsync(ct);
        }
        scope.ServiceProvider.GetService<DirectoryCache>()?.Invalidate();

        var text = DemoCredentials.Describe(directory, traffic.Requests.Count, password, totpSecrets);
        output.WriteLine(text);
        await DemoCredentials.WriteAsync(credentials, text, ct);
        output.WriteLine($"(also written to {credentials})");
        return true;
    }

    /// Supervisors, hotline officers and administrators need a second factor: the demo enrols one for
    /// each and prints its secret, so a person can add it to an authenticator app and sign in.
    private static Dictionary<string, string> EnrolSecondFactors(DemoDirectory directory, SecondFactor factor, DateTime now)
    {
        var secrets = new Dictionary<string, string>();
        foreach (var user in directory.Users.Values.Where(u => SecondFactor.IsRequiredFor(u.Roles)))
        {
            var secret = OtpNet.Base32Encoding.ToString(OtpNet.KeyGeneration.GenerateRandomKey(20));
            user.TotpSecret = factor.Protect(secret);
            user.TotpEnrolledAt = now;
            secrets[user.UserName] = secret;
        }
        return secrets;
    }

    /// Parties and user names of the demo that a server bootstrapped by hand may already have.
    private static async Task<List<string>> TakenNamesAsync(ParleyDbContext db, CancellationToken ct)
    {
        var parties = await db.Parties.Where(p => p.Code == "US" || p.Code == "CN").Select(p => "party " + p.Code).ToListAsync(ct);
        var users = await db.Users.Where(u => DemoDirectory.UserNames.Contains(u.UserName)).Select(u => "user " + u.UserName).ToListAsync(ct);
        return [.. parties, .. users];
    }
}
