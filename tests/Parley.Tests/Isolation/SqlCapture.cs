using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Parley.Tests.Isolation;

/// Records the SQL that one request runs (the request flows the test's ExecutionContext, so an
/// AsyncLocal marks which commands are its own and background services stay out). Token
/// authentication's statements are left out: whether they run depends on what the server remembers
/// of the caller's token (Identity/VerifiedTokens), not on the object asked for.
public sealed class SqlCapture : DbCommandInterceptor
{
    private static readonly AsyncLocal<List<string>?> Current = new();

    public static List<string> Start() => Current.Value = [];

    public static void Stop() => Current.Value = null;

    private static void Record(DbCommand command)
    {
        if (!command.CommandText.StartsWith($"-- {Parley.Identity.TokenAuthenticationHandler.SqlTag}", StringComparison.Ordinal))
            Current.Value?.Add(command.CommandText);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    { Record(command); return result; }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    { Record(command); return ValueTask.FromResult(result); }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    { Record(command); return result; }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken ct = default)
    { Record(command); return ValueTask.FromResult(result); }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    { Record(command); return result; }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    { Record(command); return ValueTask.FromResult(result); }
}
