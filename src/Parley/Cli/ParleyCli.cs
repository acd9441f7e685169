using System.CommandLine;

namespace Parley.Cli;

/// `parley <command>`: one executable for the server and its administration.
public static class ParleyCli
{
    public static readonly Option<string?> DbOption = new("--db")
    {
        Description = "Database: a SQLite file path (default data/parley.db), sqlite:PATH, or postgres://user:pass@host:port/db",
        Recursive = true,
    };

    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Parley: requests, deadlines and oversight for a cyber-cooperation mechanism between states.");
        root.Options.Add(DbOption);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(DbCommand.Create());
        root.Subcommands.Add(UserCommand.Create());
        root.Subcommands.Add(TokenCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(IncidentsCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        return root.Parse(args).InvokeAsync();
    }
}
