using System.CommandLine;
using Parley.Data;

namespace Parley.Cli;

public static class DbCommand
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Create the database if needed and apply pending migrations");
        migrate.SetAction(async (result, ct) =>
        {
            var db = result.GetValue(ParleyCli.DbOption);
            try
            {
                await using var services = await CliServices.OpenAsync(db, ct);
                var storage = services.GetRequiredService<StorageOptions>();
                Console.WriteLine($"Database is up to date ({storage.Provider.ToString().ToLowerInvariant()}).");
                return 0;
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or System.Data.Common.DbException)
            {
                return CliServices.Fail($"cannot migrate the database: {e.Message}");
            }
        });
        return new Command("db", "Database administration") { migrate };
    }
}
