namespace Parley.Actors;

/// A MITRE ATT&CK intrusion set: its STIX id, name, aliases and ATT&CK group id (G0006).
public sealed record IntrusionSet(string StixId, string Name, IReadOnlyList<string> Aliases, string? ExternalId);
