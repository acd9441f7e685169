using CsvHelper;

namespace Parley.Incidents.Import;

/// Reads incident rows from CSV with a header row. Multi-value cells are split on the given characters.
public static class CsvIncidentRows
{
    /// <paramref name="progress"/> gets the byte offset of each record, for a progress bar.
    public static IEnumerable<ImportRow> Read(Stream stream, ImportColumns columns, char[] split, List<string> ignoredColumns, Action<long>? progress = null)
    {
        var malformed = new Queue<ImportRow>();
        var options = new CsvReaderOptions
        {
            Separator = ',', TrackLineNumbers = true, TrimWhitespace = true, SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = r => malformed.Enqueue(new ImportRow($"line {r.LineNumber}", null, $"malformed CSV ({Words(r.Reason.ToString())})")),
        };
        using var csv = CsvReader.Create(stream, options, leaveOpen: true);
        csv.ReadHeader();
        var headers = csv.Headers.ToArray();
        var fields = headers.Select(columns.FieldOf).ToArray();
        ignoredColumns.AddRange(headers.Where((_, i) => fields[i] is null));

        while (true)
        {
            var more = csv.Read();
            while (malformed.Count > 0) yield return malformed.Dequeue();
            if (!more) yield break;
            progress?.Invoke(csv.ByteOffset);
            var record = new string[csv.FieldCount];
            for (var i = 0; i < record.Length; i++) record[i] = csv.GetString(i);
            var where = $"line {csv.LineNumber}";
            if (record.All(string.IsNullOrWhiteSpace)) continue;
            if (record.Length > headers.Length && record.Skip(headers.Length).Any(c => !string.IsNullOrWhiteSpace(c)))
            {
                yield return new ImportRow(where, null, $"{record.Length} cells for {headers.Length} columns");
                continue;
            }
            // No database stores U+0000 in text (PostgreSQL refuses it outright).
            if (record.Any(c => c.Contains('\0')))
            {
                yield return new ImportRow(where, null, "a cell holds a NUL character (U+0000)");
                continue;
            }
            yield return new ImportRow(where, ToInput(record, fields, split), null);
        }
    }

    private static string Words(string pascal) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(pascal).Replace('_', ' ');

    private static IncidentInput ToInput(string[] record, ImportField?[] fields, char[] split)
    {
        string? One(ImportField f) => Cells(record, fields, f).FirstOrDefault(c => c.Length > 0);
        string[] Many(ImportField f) => Cells(record, fields, f).SelectMany(c => c.Split(split, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();

        var victims = Many(ImportField.Victims);
        var mixed = Many(ImportField.CategoryOrSector);
        var sources = Cells(record, fields, ImportField.Sources).SelectMany(SourcesOf).ToArray();
        return new IncidentInput(
            Title: One(ImportField.Title), Description: One(ImportField.Description), FirstSeen: One(ImportField.FirstSeen), Reported: One(ImportField.Reported),
            VictimOrganisations: [.. Many(ImportField.VictimOrganisations), .. victims.Where(v => Countries.Find(v) is null)],
            VictimCountries: [.. Many(ImportField.VictimCountries), .. victims.Where(v => Countries.Find(v) is not null)],
            Sectors: [.. Many(ImportField.Sectors), .. mixed.Where(v => !Vocabulary.TryCategory(v, out _))],
            Categories: [.. Many(ImportField.Categories), .. mixed.Where(v => Vocabulary.TryCategory(v, out _))],
            IntrusionSets: Many(ImportField.IntrusionSets), Sponsors: Many(ImportField.Sponsors),
            Confidence: One(ImportField.Confidence), AttributedBy: One(ImportField.AttributedBy),
            Sources: sources, RequestIds: null, Breaches: null, Id: One(ImportField.Id));
    }

    private static IEnumerable<string> Cells(string[] record, ImportField?[] fields, ImportField field)
    {
        for (var i = 0; i < fields.Length && i < record.Length; i++)
            if (fields[i] == field) yield return record[i].Trim();
    }

    private static readonly char[] UrlSeparators = ['\n', '\r', '\t', ' ', ';', ','];

    /// A cell with URLs gives one source per URL; a cell without is one source's title.
    private static IEnumerable<SourceInput> SourcesOf(string cell)
    {
        if (cell.Length == 0) return [];
        var urls = cell.Split(UrlSeparators, StringSplitOptions.RemoveEmptyEntries).Where(IsUrl).ToList();
        return urls.Count > 0 ? urls.Select(u => new SourceInput(u, null)) : [new SourceInput(null, cell)];
    }

    private static bool IsUrl(string s) => s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
