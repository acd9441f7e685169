using System.Collections.Frozen;
using Parley.Stix;

namespace Parley.Actors;

/// The intrusion sets Parley knows by name, seeded from MITRE ATT&CK (data/attack, embedded in the
/// executable). Read-only after start, safe to share between threads.
public sealed class ActorCatalogue
{
    public const string ResourceName = "Parley.Actors.enterprise-attack-intrusion-sets.json";
    /// A compact extract (id, name, aliases, group id) of more ATT&CK intrusion sets, for attribution.
    public const string ExtractResourceName = "Parley.Actors.intrusion-sets.json";

    /// The catalogue embedded in the executable, shared by the API, the incident register and its imports.
    public static ActorCatalogue Default { get; } = LoadEmbedded();

    private readonly FrozenDictionary<string, ThreatActor> _byName;

    public IReadOnlyList<ThreatActor> All { get; }

    public ActorCatalogue(IEnumerable<ThreatActor> actors)
    {
        All = actors.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var byName = new Dictionary<string, ThreatActor>(StringComparer.OrdinalIgnoreCase);
        foreach (var actor in All)
            foreach (var name in actor.Aliases.Prepend(actor.Name).Append(actor.AttackId).OfType<string>())
                byName.TryAdd(Normalise(name), actor);
        _byName = byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// The intrusion set called <paramref name="name"/> by its name, an alias or its ATT&CK id, ignoring case and spacing.
    public ThreatActor? FindByNameOrAlias(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : _byName.GetValueOrDefault(Normalise(name));

    /// Intrusion sets whose name, an alias or ATT&CK id contains <paramref name="q"/>.
    public IEnumerable<ThreatActor> Search(string? q) =>
        string.IsNullOrWhiteSpace(q) ? All
        : All.Where(a => a.Aliases.Prepend(a.Name).Append(a.AttackId).OfType<string>().Any(n => Normalise(n).Contains(Normalise(q), StringComparison.OrdinalIgnoreCase)));

    public static ActorCatalogue LoadEmbedded()
    {
        using var stream = typeof(ActorCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The actor catalogue {ResourceName} is not embedded.");
        var full = StixBundle.ParseAsync(stream).GetAwaiter().GetResult().Objects
            .Where(o => o.Type == "intrusion-set" && !o.Revoked).Select(FromStix).ToList();
        using var extract = typeof(ActorCatalogue).Assembly.GetManifestResourceStream(ExtractResourceName)
            ?? throw new InvalidOperationException($"The actor catalogue {ExtractResourceName} is not embedded.");
        var known = full.Select(a => a.StixId).ToHashSet();
        var more = System.Text.Json.JsonSerializer.Deserialize<List<ExtractRow>>(extract)!
            .Where(r => !known.Contains(r.Id))
            .Select(r => new ThreatActor(r.Id, r.Name, r.Aliases ?? [], r.ExternalId, null, null));
        return new ActorCatalogue(full.Concat(more));
    }

    private sealed record ExtractRow(
        [property: System.Text.Json.Serialization.JsonPropertyName("id")] string Id,
        [property: System.Text.Json.Serialization.JsonPropertyName("name")] string Name,
        [property: System.Text.Json.Serialization.JsonPropertyName("aliases")] List<string>? Aliases,
        [property: System.Text.Json.Serialization.JsonPropertyName("external_id")] string? ExternalId);

    private static ThreatActor FromStix(StixObject o)
    {
        var attack = o.ExternalReferences.FirstOrDefault(r => r.SourceName == "mitre-attack");
        var aliases = o["aliases"] is System.Text.Json.Nodes.JsonArray a ? a.Select(x => x?.GetValue<string>()).OfType<string>().ToList() : [];
        return new ThreatActor(o.Id, (string?)o["name"] ?? o.Id, aliases, attack?.ExternalId, attack?.Url, (string?)o["description"]);
    }

    // "Comment  Crew", "comment-crew" and "CommentCrew" are the same group to a person typing.
    private static string Normalise(string name) => new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
