using Parley.Actors;

namespace Parley.Incidents;

/// ISO 3166-1 alpha-2 codes with names and the aliases trackers use (data/countries/countries.tsv).
public static class Countries
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, string> ByKey = Load();

    /// The alpha-2 code for a code, name or alias ("China", "People's Republic of China", "U.S."), or null.
    public static string? Find(string nameOrCode) => ByKey.GetValueOrDefault(NameKey.Of(nameOrCode));

    public static string NameOf(string code) => Names.GetValueOrDefault(code, code);

    public static bool IsCode(string code) => Names.ContainsKey(code);

    private static Dictionary<string, string> Load()
    {
        using var stream = typeof(Countries).Assembly.GetManifestResourceStream("Parley.Incidents.countries.tsv")
            ?? throw new InvalidOperationException("The country list is not embedded.");
        using var reader = new StreamReader(stream);
        var rows = new List<(string Code, string Name, string[] Aliases)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.Length == 0) continue;
            var cells = line.Split('\t');
            rows.Add((cells[0], cells[1], cells.Length > 2 ? cells[2].Split(';', StringSplitOptions.RemoveEmptyEntries) : []));
        }
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        // Codes first, then names, then aliases: an alias never hides a code or an official name.
        foreach (var r in rows) { Names[r.Code] = r.Name; map[NameKey.Of(r.Code)] = r.Code; }
        foreach (var r in rows) map.TryAdd(NameKey.Of(r.Name), r.Code);
        foreach (var r in rows)
            foreach (var alias in r.Aliases) map.TryAdd(NameKey.Of(alias), r.Code);
        return map;
    }
}
