using Microsoft.Extensions.Configuration;
using Parley.Data;

namespace Parley.Cli;

/// The services a non-server command needs: configuration and the database.
public static class CliServices
{
    public static StorageOptions Storage(string? db)
    {
        if (db is not null) return StorageOptions.Parse(db);
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        return configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
    }

    public static async Task<ServiceProvider> OpenAsync(string? db, CancellationToken ct)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        // The commands' one clock, as the server's: every instant they stamp comes from it.
        services.AddSingleton(TimeProvider.System);
        services.AddParleyDatabase(Storage(db));
        var provider = services.BuildServiceProvider();
        await DatabaseSetup.MigrateAsync(provider, ct);
        return provider;
    }

    public static int Fail(string message)
    {
        Console.Error.WriteLine($"parley: {message}");
        return 2;
    }
}
