using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Identity;

namespace Parley.Cli;

public static class TokenCommand
{
    public static Command Create() => new("token", "Manage API tokens") { CreateToken(), RevokeToken() };

    private static Command CreateToken()
    {
        var user = new Option<string>("--user") { Description = "The user the token acts as", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for, e.g. 'MISP sync'", DefaultValueFactory = _ => "cli" };
        var days = new Option<int>("--days") { Description = "Days until it expires (1–366)", DefaultValueFactory = _ => 90 };
        var scopes = new Option<string[]>("--scope") { Description = "read, write, taxii or admin; repeat for several (default: all the user's roles allow)" };
        var create = new Command("create", "Create an API token; it is printed once and stored only as a hash") { user, name, days, scopes };
        create.SetAction(async (result, ct) =>
        {
            var validDays = result.GetValue(days);
            if (validDays is < 1 or > 366) return CliServices.Fail("--days is between 1 and 366.");
            var wanted = result.GetValue(scopes) ?? [];
            var scope = TokenScopes.None;
            if (wanted.Length > 0 && !TokenScopeNames.TryParse(wanted, out scope))
                return CliServices.Fail($"--scope is one of {string.Join(", ", TokenScopeNames.All)}.");
            await using var services = await CliServices.OpenAsync(result.GetValue(ParleyCli.DbOption), ct);
            await using var serviceScope = services.CreateAsyncScope();
            var db = serviceScope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            var userName = result.GetValue(user)!;
            var found = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, ct);
            if (found is null) return CliServices.Fail($"no user '{userName}'.");
            var allowed = TokenScopeNames.AllowedFor(found);
            if (wanted.Length > 0 && (scope & ~allowed) != TokenScopes.None)
                return CliServices.Fail($"{userName}'s roles do not allow the scope(s) {string.Join(", ", TokenScopeNames.ToNames(scope & ~allowed))}.");
            var (token, secret) = await UserAccounts.CreateTokenAsync(db, found, result.GetValue(name)!, TimeSpan.FromDays(validDays), services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ct,
                wanted.Length > 0 ? scope : null);
            Console.WriteLine(secret);
            Console.Error.WriteLine($"Token '{token.Name}' ({token.Id}, {string.Join(", ", TokenScopeNames.ToNames(token.Scopes))}) for {found.UserName}, " +
                $"expires {token.ExpiresAt:yyyy-MM-dd}. It will not be shown again.");
            return 0;
        });
        return create;
    }

    private static Command RevokeToken()
    {
        var id = new Option<Guid?>("--id") { Description = "The token's id (from `token create` or GET /api/v1/tokens)" };
        var prefix = new Option<string?>("--prefix") { Description = "Or the token's first characters as listed, e.g. pky_AbC123" };
        var revoke = new Command("revoke", "Revoke an API token; a running server refuses it within 5 seconds") { id, prefix };
        revoke.SetAction(async (result, ct) =>
        {
            var byId = result.GetValue(id);
            var byPrefix = result.GetValue(prefix);
            if (byId is null == byPrefix is null) return CliServices.Fail("give --id or --prefix.");
            await using var services = await CliServices.OpenAsync(result.GetValue(ParleyCli.DbOption), ct);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            var matches = await db.ApiTokens.Where(t => byId != null ? t.Id == byId : t.Prefix == byPrefix).ToListAsync(ct);
            if (matches.Count != 1) return CliServices.Fail(matches.Count == 0 ? "no such token." : "several tokens have that prefix; use --id.");
            matches[0].RevokedAt ??= services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            Console.Error.WriteLine($"Token '{matches[0].Name}' ({matches[0].Id}) revoked.");
            return 0;
        });
        return revoke;
    }
}
