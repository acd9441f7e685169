using System.Data.Common;

namespace Parley.Data;

/// For the few statements written by hand instead of through EF.
public static class CommandParameters
{
    public static void AddParameter(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// As EF stores a GUID on SQLite: upper-case text.
    public static string SqliteText(Guid id) => id.ToString("D").ToUpperInvariant();
}
