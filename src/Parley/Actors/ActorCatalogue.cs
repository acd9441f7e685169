using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parley.Actors;

/// The intrusion sets vendored from MITRE ATT&CK (data/attack), looked up by name or alias.
public sealed class ActorCatalogue
{
    private readonly Dictionary<string, IntrusionSet> _byKey = new();

    public IReadOnlyList<IntrusionSet> All { get; }

    public ActorCatalogue(IEnumerable<IntrusionSet> sets)
    {
        All = sets.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();
        // Names win over aliases, so a set is never shadowed by another's alias.
        foreach (var set in All) _byKey[NameKey.Of(set.Name)] = set;
        foreach (var set in All)
            foreach (var alias in set.Aliases)
                _byKey.TryAdd(NameKey.Of(alias), set);
    }

    public static ActorCatalogue Default { get; } = Load();

    /// The set named or aliased so, ignoring case, spacing and punctuation ("APT 1", "comment-crew"); null if none.
    public IntrusionSet? FindByNameOrAlias(string nameOrAlias) =>
        _byKey.GetValueOrDefault(NameKey.Of(nameOrAlias));

    private static ActorCatalogue Load()
    {
        using var stream = typeof(ActorCatalogue).Assembly.GetManifestResourceStream("Parley.Actors.intrusion-sets.json")
            ?? throw new InvalidOperationException("The intrusion-set catalogue is not embedded.");
        var rows = JsonSerializer.Deserialize<List<Row>>(stream, JsonSerializerOptions.Web) ?? [];
        return new ActorCatalogue(rows.Select(r => new IntrusionSet(r.Id, r.Name, r.Aliases ?? [], r.ExternalId)));
    }

    private sealed record Row(string Id, string Name, List<string>? Aliases, [property: JsonPropertyName("external_id")] string? ExternalId);
}
