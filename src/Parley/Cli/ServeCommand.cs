using System.CommandLine;
using Parley.Data;
using Parley.Demo;
using Parley.Hosting;

namespace Parley.Cli;

public static class ServeCommand
{
    public static Command Create()
    {
        var demo = new Option<bool>("--demo") { Description = "Seed the 2015 US–China mechanism with a year of traffic (once) and print the demo sign-ins" };
        var urls = new Option<string?>("--urls") { Description = $"Addresses to listen on (default {ParleyHost.DefaultUrls})" };
        var command = new Command("serve", "Run the Parley server (web, REST API, docs at /docs)") { demo, urls };
        // Anything else (e.g. --SignInOptions:MaxFailedAttempts=3) is passed to the host as configuration.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, ct) =>
        {
            var db = result.GetValue(ParleyCli.DbOption);
            StorageOptions? storage;
            try { storage = db is null ? null : StorageOptions.Parse(db); }
            catch (FormatException e) { return CliServices.Fail(e.Message); }

            var builder = ParleyHost.CreateBuilder(result.UnmatchedTokens.ToArray(), storage, result.GetValue(urls));
            var app = ParleyHost.Build(builder);
            await DatabaseSetup.MigrateAsync(app.Services, ct);
            if (result.GetValue(demo)) await DemoSeeder.SeedAsync(app.Services, Console.Out, ct);
            await app.RunAsync();
            return 0;
        });
        return command;
    }
}
