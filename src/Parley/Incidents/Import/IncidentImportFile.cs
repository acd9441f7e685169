namespace Parley.Incidents.Import;

/// Imports one file: JSON (an array of incident objects) by its .json extension, CSV otherwise.
public static class IncidentImportFile
{
    public sealed record Options(string? Profile, IReadOnlyList<string> Maps, string Split);

    public const string DefaultSplit = ";,";

    /// <paramref name="progress"/> gets (bytes read, file length).
    public static async Task<(ImportSummary? Summary, string? Error)> ImportAsync(IncidentImporter importer, string path, Options options,
        Action<long, long>? progress, CancellationToken ct)
    {
        if (!File.Exists(path)) return (null, $"no such file: {path}");
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var length = stream.Length;
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            return (await importer.ImportAsync(JsonIncidentRows.ReadAsync(stream), [], ct), null);
        var (columns, error) = ImportColumns.Create(options.Profile, options.Maps);
        if (columns is null) return (null, error);
        if (options.Split.Length == 0) return (null, "--split needs at least one character");
        var ignored = new List<string>();
        var rows = CsvIncidentRows.Read(stream, columns, options.Split.ToCharArray(), ignored, offset => progress?.Invoke(offset, length));
        return (await importer.ImportAsync(rows.ToAsyncEnumerable(), ignored, ct), null);
    }
}
