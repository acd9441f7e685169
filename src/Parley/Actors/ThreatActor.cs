namespace Parley.Actors;

/// An intrusion set from the catalogue: MITRE ATT&CK's name, aliases and group id (e.g. G0006).
public sealed record ThreatActor(string StixId, string Name, IReadOnlyList<string> Aliases, string? AttackId, string? Url, string? Description);
