using System.Data.Common;
using System.Globalization;
using Parley.Data;
using Parley.Intel;
using Parley.Stix.Markings;

namespace Parley.Taxii;

/// The page a polling client asks for most (GET objects, newest versions, `added_after` / `next` / `limit`
/// and nothing else), read with one plain statement instead of through EF: per request, EF's query
/// pipeline and the DbContext's first use cost several times the statement itself. Any other filter
/// goes through <see cref="TaxiiQuery.Apply"/>; without `added_after`, <see cref="NewestVersionsCache"/> answers.
/// The TLP filter is <see cref="TlpAccess.Readable"/> written as SQL; a test holds the two equal, and every
/// row is checked again with <see cref="TlpAccess.CanRead"/>, so a difference could only shorten a page, never leak.
public static class TaxiiObjectsPage
{
    private const string Select = $"""
        {CachedRun.Columns}
        WHERE "CollectionId" = @collection AND "Seq" > @next AND "IsLast"
        """;

    private static readonly string Readable = $"""
        ("SourceAgencyId" = @agency OR "Tlp" IS NULL OR "Tlp" IN ('{TlpLevel.Clear}', '{TlpLevel.Green}')
          OR ("Tlp" = '{TlpLevel.Amber}' AND ("RecipientPartyId" IS NULL OR "RecipientPartyId" = @party OR "SourcePartyId" = @party))
          OR ("Tlp" IN ('{TlpLevel.AmberStrict}', '{TlpLevel.Red}') AND ("RecipientAgencyId" = @agency OR ("RecipientAgencyId" IS NULL AND "RecipientPartyId" = @party))))
        """;

    private static readonly string Plain = $"{Select} AND {Readable}\nORDER BY \"Seq\"\nLIMIT @take";
    private static readonly string AddedAfter = $"{Select} AND \"DateAdded\" > @after AND {Readable}\nORDER BY \"Seq\"\nLIMIT @take";

    /// Whether this read is one the plain statement answers exactly.
    public static bool Covers(TaxiiQuery q) =>
        q is { Ids.Count: 0, Types.Count: 0, SpecVersions.Count: 0, AllVersions: false, First: false, Last: true, Versions.Count: 0 };

    /// Up to <paramref name="take"/> readable newest versions after the cursor, in insertion order.
    public static async Task<List<(long Seq, TaxiiPage.Item Item)>> ReadAsync(ReadConnections connections, Guid collectionId,
        TlpAccess.Reader reader, TaxiiQuery q, int take, CancellationToken ct)
    {
        var sqlite = connections.Provider == StorageProvider.Sqlite;
        await using var session = await connections.RentAsync(ct);
        var command = session.Command(q.AddedAfter is null ? Plain : AddedAfter);
        command.AddParameter("collection", connections.Key(collectionId));
        command.AddParameter("next", q.Next ?? 0L);
        command.AddParameter("agency", connections.Key(reader.AgencyId));
        command.AddParameter("party", connections.Key(reader.PartyId));
        command.AddParameter("take", take);
        if (q.AddedAfter is { } after) command.AddParameter("after", after);

        var rows = new List<(long, TaxiiPage.Item)>(take);
        // SQLite keeps instants as text. Only the first and the last date of the page reach the response (its
        // X-TAXII-Date-Added headers), so only those two are parsed: parsing every row was 3 % of a request.
        var dates = sqlite ? new List<string>(take) : null;
        await using var result = await command.ExecuteReaderAsync(ct);
        while (await result.ReadAsync(ct))
        {
            if (!StillReadable(result, reader)) continue;
            if (dates is not null)
            {
                dates.Add(result.GetString(1));
                // SQLite hands over the stored UTF-8 as it is; Npgsql decodes text in any case.
                rows.Add((result.GetInt64(0), new TaxiiPage.Item(default, null, null, result.GetFieldValue<byte[]>(2))));
            }
            else rows.Add((result.GetInt64(0), new TaxiiPage.Item(DateTime.SpecifyKind(result.GetDateTime(1), DateTimeKind.Utc), result.GetString(2), null)));
        }
        if (dates is not null && rows.Count > 0)
        {
            // The caller drops the row after the limit, which only says whether there are more.
            foreach (var i in (int[])[0, Math.Min(rows.Count, take - 1) - 1])
                if (i >= 0) rows[i] = (rows[i].Item1, rows[i].Item2 with { DateAdded = CachedRun.SqliteInstant(dates[i]) });
        }
        return rows;
    }

    private static bool StillReadable(DbDataReader row, TlpAccess.Reader reader)
    {
        if (row.IsDBNull(3)) return true;
        var tlp = row.GetString(3);
        if (tlp is nameof(TlpLevel.Clear) or nameof(TlpLevel.Green)) return true;
        return TlpAccess.CanRead(Enum.Parse<TlpLevel>(tlp), CachedRun.Id(row, 4)!.Value, CachedRun.Id(row, 5)!.Value, CachedRun.Id(row, 6), CachedRun.Id(row, 7), reader);
    }
}
