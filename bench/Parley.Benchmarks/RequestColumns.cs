using Parley.Requests;

namespace Parley.Benchmarks;

/// The columns of "Requests" and "RequestDeadlines" as the EF migrations create them, with each
/// value as EF stores it: enums as their names, instants as UTC DateTime.
public static class RequestColumns
{
    public static readonly (string Name, Func<Request, object?> Value)[] Requests =
    [
        ("Id", r => r.Id),
        ("Reference", r => r.Reference),
        ("MechanismId", r => r.MechanismId),
        ("FromPartyId", r => r.FromPartyId),
        ("FromAgencyId", r => r.FromAgencyId),
        ("ToPartyId", r => r.ToPartyId),
        ("ToAgencyId", r => r.ToAgencyId),
        ("Kind", r => r.Kind.ToString()),
        ("Priority", r => r.Priority.ToString()),
        ("Subject", r => r.Subject),
        ("Narrative", r => r.Narrative),
        ("ActivityStart", r => r.ActivityStart),
        ("ActivityEnd", r => r.ActivityEnd),
        ("Sector", r => r.Sector),
        ("Victims", r => r.Victims),
        ("Tlp", r => r.Tlp.ToString()),
        ("LegalBasis", r => r.LegalBasis),
        ("Status", r => r.Status.ToString()),
        ("IsOpen", r => r.IsOpen),
        ("NextDueAt", r => r.NextDueAt),
        ("CreatedAt", r => r.CreatedAt),
        ("SubmittedAt", r => r.SubmittedAt),
        ("UpdatedAt", r => r.UpdatedAt),
        ("DeclineReason", r => r.DeclineReason),
        ("Version", r => r.Version),
    ];

    public static readonly (string Name, Func<RequestDeadline, object?> Value)[] Deadlines =
    [
        ("RequestId", d => d.RequestId),
        ("Kind", d => d.Kind.ToString()),
        ("DueAt", d => d.DueAt),
        ("RemainingWhenPaused", d => d.RemainingWhenPaused),
        ("CompletedAt", d => d.CompletedAt),
        ("State", d => d.State.ToString()),
        ("AtRiskAt", d => d.AtRiskAt),
        ("WatchAt", d => d.WatchAt),
    ];

    public static string Insert(string table, IEnumerable<string> columns) =>
        $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";

    public static string Copy(string table, IEnumerable<string> columns) =>
        $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";
}
