using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Parley.Data;

/// Used by `dotnet ef migrations add` only.
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteParleyDbContext>
{
    public SqliteParleyDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteParleyDbContext>();
        DatabaseSetup.ConfigureSqlite(options, "Data Source=design.db");
        return new SqliteParleyDbContext(options.Options);
    }
}

/// Used by `dotnet ef migrations add` only; needs no running server.
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresParleyDbContext>
{
    public PostgresParleyDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresParleyDbContext>();
        DatabaseSetup.ConfigurePostgres(options, "Host=localhost;Database=parley");
        return new PostgresParleyDbContext(options.Options);
    }
}
