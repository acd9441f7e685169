using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Demo;
using Parley.Directory;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Demo;

/// A server bootstrapped by hand (`parley user add --create`) before `serve --demo`.
public sealed class DemoSeederConflictTests : IAsyncLifetime
{
    private StorageOptions _storage = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _storage = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        _services = new ServiceCollection().AddLogging().AddParleyDatabase(_storage).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await TestDatabase.DropAsync(_storage);
    }

    [Fact]
    public async Task ExistingParty_LeavesTheDatabaseAlone_AndSaysWhy()
    {
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            Assert.Null(await DirectoryBootstrap.EnsureAgencyAsync(db, "US", "FBI", "America/New_York", default));
        }

        var output = new StringWriter();
        Assert.False(await DemoSeeder.SeedAsync(_services, output, default));

        Assert.Contains("party US", output.ToString());
        await using var check = _services.CreateAsyncScope();
        var after = check.ServiceProvider.GetRequiredService<ParleyDbContext>();
        Assert.Equal((0, 1, 0), (await after.Mechanisms.CountAsync(), await after.Parties.CountAsync(), await after.Requests.CountAsync()));
    }
}
