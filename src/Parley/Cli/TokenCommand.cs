using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Identity;

namespace Parley.Cli;

public static class TokenCommand
{
    public static Command Create()
    {
        var user = new Option<string>("--user") { Description = "The user the token acts as", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for, e.g. 'MISP sync'", DefaultValueFactory = _ => "cli" };
        var days = new Option<int>("--days") { Description = "Days until it expires (1–366)", DefaultValueFactory = _ => 90 };
        var create = new Command("create", "Create an API token; it is printed once and stored only as a hash") { user, name, days };
        create.SetAction(async (result, ct) =>
        {
            var validDays = result.GetValue(days);
            if (validDays is < 1 or > 366) return CliServices.Fail("--days is between 1 and 366.");
            await using var services = await CliServices.OpenAsync(result.GetValue(ParleyCli.DbOption), ct);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            var userName = result.GetValue(user)!;
            var found = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, ct);
            if (found is null) return CliServices.Fail($"no user '{userName}'.");
            var (token, secret) = await UserAccounts.CreateTokenAsync(db, found, result.GetValue(name)!, TimeSpan.FromDays(validDays), DateTime.UtcNow, ct);
            Console.WriteLine(secret);
            Console.Error.WriteLine($"Token '{token.Name}' for {found.UserName}, expires {token.ExpiresAt:yyyy-MM-dd}. It will not be shown again.");
            return 0;
        });
        return new Command("token", "Manage API tokens") { create };
    }
}
