using System.CommandLine;
using Parley.Data;
using Parley.Directory;
using Parley.Identity;

namespace Parley.Cli;

public static class UserCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--user") { Description = "Sign-in name", Required = true };
        var party = new Option<string>("--party") { Description = "ISO 3166 code of the user's party, e.g. US", Required = true };
        var agency = new Option<string>("--agency") { Description = "Code of the user's agency, e.g. FBI", Required = true };
        var roles = new Option<string[]>("--role")
        {
            Description = $"Role (repeat for several): {string.Join(", ", RoleNames.All)}",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var display = new Option<string?>("--name") { Description = "Display name" };
        var email = new Option<string?>("--email") { Description = "E-mail address" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input instead of generating one" };
        var create = new Option<bool>("--create") { Description = "Create the party and agency if they do not exist yet (first administrator of a new server)" };
        var timeZone = new Option<string?>("--time-zone") { Description = "IANA time zone of a party created with --create, e.g. America/New_York" };

        var add = new Command("add", "Add a user; prints a generated password unless --password-stdin") { name, party, agency, roles, display, email, passwordStdin, create, timeZone };
        add.SetAction(async (result, ct) =>
        {
            string? password = result.GetValue(passwordStdin) ? (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n') : null;
            await using var services = await CliServices.OpenAsync(result.GetValue(ParleyCli.DbOption), ct);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            if (result.GetValue(create) && await DirectoryBootstrap.EnsureAgencyAsync(db, result.GetValue(party)!, result.GetValue(agency)!, result.GetValue(timeZone), ct) is { } problem)
                return CliServices.Fail(problem);
            var (user, generated, errors) = await UserAccounts.AddAsync(db, new UserAccounts.NewUser(
                result.GetValue(name)!, result.GetValue(display) ?? "", result.GetValue(party)!, result.GetValue(agency)!,
                result.GetValue(roles)!, result.GetValue(email), password, null), services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ct);
            if (user is null) return CliServices.Fail(string.Join(" ", errors.SelectMany(e => e.Value)));
            Console.WriteLine($"Added {user.UserName} ({string.Join(", ", RoleNames.ToNames(user.Roles))}).");
            if (generated is not null) Console.WriteLine($"Password: {generated}");
            return 0;
        });
        return new Command("user", "Manage users") { add };
    }
}
