using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Cli;

public sealed class CliTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("serve", "--help")]
    [InlineData("db", "migrate", "--help")]
    [InlineData("user", "add", "--help")]
    [InlineData("token", "create", "--help")]
    [InlineData("token", "revoke", "--help")]
    public async Task Help_OnEveryCommand_ExitsZeroWithUsage(params string[] args)
    {
        var (exit, stdout, _) = await ParleyProcess.RunAsync(args);
        Assert.Equal(0, exit);
        Assert.Contains("Usage:", stdout);
    }

    [Fact]
    public async Task UnknownCommand_ExitsNonZero()
    {
        var (exit, _, stderr) = await ParleyProcess.RunAsync("frobnicate");
        Assert.NotEqual(0, exit);
        Assert.Contains("frobnicate", stderr);
    }

    [Fact]
    public async Task UserAdd_MissingRequiredOption_ExitsNonZeroNamingIt()
    {
        var (exit, _, stderr) = await ParleyProcess.RunAsync("user", "add", "--user", "x");
        Assert.NotEqual(0, exit);
        Assert.Contains("--party", stderr);
    }

    [Fact]
    public async Task DbMigrate_ThenUserAdd_ThenTokenCreate_OnAFreshFile()
    {
        var file = TestDatabase.NewSqlitePath();
        var (migrated, migrateOut, migrateErr) = await ParleyProcess.RunAsync("db", "migrate", "--db", file);
        Assert.True(migrated == 0, migrateErr);
        Assert.Contains("up to date", migrateOut);
        Assert.True(File.Exists(file));

        var (noAgency, _, noAgencyErr) = await ParleyProcess.RunAsync("user", "add", "--user", "a", "--party", "US", "--agency", "FBI", "--role", "officer", "--db", file);
        Assert.Equal(2, noAgency);
        Assert.StartsWith("parley: ", noAgencyErr);
        Assert.Single(noAgencyErr.Trim().Split('\n'));

        var (noZone, _, noZoneErr) = await ParleyProcess.RunAsync("user", "add", "--user", "admin", "--party", "US", "--agency", "FBI", "--role", "administrator", "--create", "--db", file);
        Assert.Equal(2, noZone);
        Assert.Contains("--time-zone", noZoneErr);
        var (created, createdOut, createdErr) = await ParleyProcess.RunAsync("user", "add", "--user", "admin", "--party", "US", "--agency", "FBI",
            "--role", "administrator", "--role", "supervisor", "--create", "--time-zone", "America/New_York", "--db", file);
        Assert.True(created == 0, createdErr);
        Assert.Contains("Password: ", createdOut);
        var (tokenExit, token, _) = await ParleyProcess.RunAsync("token", "create", "--user", "admin", "--name", "setup", "--db", file);
        Assert.Equal(0, tokenExit);
        Assert.StartsWith("pky_", token.Trim());

        var (readOnly, readToken, readErr) = await ParleyProcess.RunAsync("token", "create", "--user", "admin", "--scope", "read", "--db", file);
        Assert.Equal(0, readOnly);
        Assert.Contains("(", readErr);
        var storage = StorageOptions.Parse(file);
        var stored = await ReadTokenAsync(storage, readToken.Trim());
        Assert.Equal(Parley.Identity.TokenScopes.Read, stored.Scopes);
        var (revoked, _, revokeErr) = await ParleyProcess.RunAsync("token", "revoke", "--id", stored.Id.ToString(), "--db", file);
        Assert.True(revoked == 0, revokeErr);
        Assert.NotNull((await ReadTokenAsync(storage, readToken.Trim())).RevokedAt);

        var (noUser, _, noUserErr) = await ParleyProcess.RunAsync("token", "create", "--user", "nobody", "--db", file);
        Assert.Equal(2, noUser);
        Assert.Contains("no user 'nobody'", noUserErr);
    }

    private static async Task<Parley.Identity.ApiToken> ReadTokenAsync(StorageOptions storage, string secret)
    {
        var services = new ServiceCollection();
        services.AddParleyDatabase(storage);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var hash = Parley.Identity.ApiTokens.Hash(secret);
        return await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().ApiTokens.AsNoTracking().SingleAsync(t => t.Hash == hash);
    }

    [Fact]
    public async Task DbMigrate_UnreachablePostgres_FailsWithOneLine()
    {
        var port = ParleyProcess.FreePort();
        var (exit, _, stderr) = await ParleyProcess.RunAsync("db", "migrate", "--db", $"postgres://nobody:x@127.0.0.1:{port}/nothing");
        Assert.Equal(2, exit);
        Assert.StartsWith("parley: cannot migrate", stderr);
    }
}
