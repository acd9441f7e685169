using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Parley.Data;

namespace Parley.Benchmarks;

/// The database of the list benchmark: the bench directory plus N generated requests. SQLite files are
/// kept in bench/Parley.Benchmarks/.data/ (git-ignored, about 2 GB for a million) and reused while the
/// request count, the generator and the migrations are the same; PostgreSQL databases are made for the
/// run and dropped.
public static class ListDatabase
{
    public static async Task<BenchDatabase> CreateAsync(BenchDb db, string? postgresServer, int count, bool regenerate)
    {
        if (db == BenchDb.Postgres)
        {
            var database = await BenchDatabase.CreateAsync(BenchDb.Postgres, postgresServer, "list");
            try
            {
                await GenerateAsync(database.Storage, count, (generator, directory) => PostgresLoader.LoadAsync(database.Storage.ConnectionString, generator, directory));
                return database;
            }
            catch
            {
                await database.DisposeAsync();
                throw;
            }
        }

        var cached = Path.Combine(CacheFolder(), $"list-{count}-g{RequestGenerator.Version}-{LastMigration()}.db");
        if (regenerate || !File.Exists(cached))
        {
            var partial = cached + ".partial";
            File.Delete(partial);
            await GenerateAsync(BenchDatabase.SqliteAt(partial), count, (generator, directory) => Task.Run(() => SqliteLoader.Load(partial, generator, directory)));
            SqliteConnection.ClearAllPools();
            File.Move(partial, cached, overwrite: true);
        }
        else Console.WriteLine($"- reusing the cached database {cached} (--regenerate to rebuild it)");

        // Used in place: the run only adds an API token (and the app's WAL), which the list never reads.
        return BenchDatabase.ExistingSqlite(cached);
    }

    private static async Task GenerateAsync(StorageOptions storage, int count, Func<RequestGenerator, BenchDirectory, Task> load)
    {
        var stopwatch = Stopwatch.StartNew();
        Console.WriteLine($"- generating {count:N0} requests into {storage.Provider}…");
        await BenchServer.MigrateAsync(storage);
        BenchDirectory directory;
        await using (var services = BenchServer.DatabaseServices(storage))
            directory = await BenchDirectory.SeedAsync(services, DateTime.UtcNow);
        SqliteConnection.ClearAllPools();
        await load(new RequestGenerator(directory, count, DateTime.UtcNow), directory);
        Console.WriteLine($"- generated in {stopwatch.Elapsed.TotalSeconds:0} s");
    }

    private static string LastMigration()
    {
        var options = new DbContextOptionsBuilder<SqliteParleyDbContext>();
        DatabaseSetup.ConfigureSqlite(options, "Data Source=:memory:");
        using var db = new SqliteParleyDbContext(options.Options);
        return db.Database.GetMigrations().Last().Split('_')[0];
    }

    /// bench/Parley.Benchmarks/.data when run from the source tree, else a folder under the temp path.
    private static string CacheFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Parley.Benchmarks.csproj")))
                return System.IO.Directory.CreateDirectory(Path.Combine(dir.FullName, ".data")).FullName;
        return System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "parley-bench-cache")).FullName;
    }
}
