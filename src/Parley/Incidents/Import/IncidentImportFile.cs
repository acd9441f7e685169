using Parley.Stix;

namespace Parley.Incidents.Import;

/// Imports one file: JSON by its .json extension — an array of incident objects, or a STIX 2.1
/// bundle whose `incident` objects are read with <see cref="StixIncidents"/> — CSV otherwise.
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
            return await IsObjectAsync(stream, ct)
                ? await ImportBundleAsync(importer, stream, ct)
                : (await importer.ImportAsync(JsonIncidentRows.ReadAsync(stream), [], ct), null);
        var (columns, error) = ImportColumns.Create(options.Profile, options.Maps);
        if (columns is null) return (null, error);
        if (options.Split.Length == 0) return (null, "--split needs at least one character");
        var ignored = new List<string>();
        var rows = CsvIncidentRows.Read(stream, columns, options.Split.ToCharArray(), ignored, offset => progress?.Invoke(offset, length));
        return (await importer.ImportAsync(rows.ToAsyncEnumerable(), ignored, ct), null);
    }

    private static async Task<(ImportSummary?, string?)> ImportBundleAsync(IncidentImporter importer, Stream stream, CancellationToken ct)
    {
        var incidents = new StixIncidents();
        var index = 0;
        try
        {
            await foreach (var obj in new StixBundleReader(stream).ReadReceivedAsync(ct)) incidents.Observe(index++, obj.Json);
        }
        catch (StixFormatException e)
        {
            return (null, $"{e.Message} Nothing was imported.");
        }
        return (await importer.ImportAsync(incidents.Rows().ToAsyncEnumerable(), [], ct), null);
    }

    /// A STIX bundle is a JSON object; the register's own form is an array.
    private static async Task<bool> IsObjectAsync(Stream stream, CancellationToken ct)
    {
        var buffer = new byte[1];
        while (await stream.ReadAsync(buffer, ct) == 1)
            if (!char.IsWhiteSpace((char)buffer[0]) && buffer[0] != 0xEF && buffer[0] != 0xBB && buffer[0] != 0xBF)
            {
                stream.Position = 0;
                return buffer[0] == (byte)'{';
            }
        stream.Position = 0;
        return false;
    }
}
