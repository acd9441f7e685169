using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Parley.Benchmarks;

/// A command EF ran, with copies of its parameters so that it can be run again (EXPLAIN, timing).
public sealed record CapturedCommand(string Sql, IReadOnlyList<DbParameter> Parameters)
{
    public static CapturedCommand From(DbCommand command) =>
        new(command.CommandText, command.Parameters.Cast<DbParameter>().Select(Copy).ToList());

    public IEnumerable<DbParameter> CloneParameters() => Parameters.Select(Copy);

    private static DbParameter Copy(DbParameter p) => p switch
    {
        NpgsqlParameter n => n.Clone(),
        SqliteParameter s => new SqliteParameter(s.ParameterName, s.Value) { SqliteType = s.SqliteType },
        _ => throw new NotSupportedException(p.GetType().Name),
    };
}

/// Records the commands the app's DbContexts run while <see cref="Enabled"/> is set, parameters included.
public sealed class CommandCapture : DbCommandInterceptor
{
    public volatile bool Enabled;
    public List<CapturedCommand> Commands { get; } = [];

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        if (Enabled) lock (Commands) Commands.Add(CapturedCommand.From(command));
    }
}
