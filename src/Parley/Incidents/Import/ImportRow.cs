namespace Parley.Incidents.Import;

/// One row of an import file: where it is (a line, or an item of a JSON array) and what it says,
/// or why it could not be read.
public sealed record ImportRow(string Where, IncidentInput? Input, string? Error);
