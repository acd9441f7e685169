using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Parley.Data;
using Parley.Intel;
using Parley.Stix.Markings;

namespace Parley.Taxii;

/// Every newest version of a collection's objects with a sequence number in (<see cref="From"/>, <see cref="To"/>],
/// as read from the database at one moment, unfiltered: who may read a row is decided per request from the
/// marking and the parties kept with it. <see cref="To"/> is <see cref="long.MaxValue"/> when the run reached
/// the end of the collection.
public sealed class CachedRun
{
    /// Who shared a row and with whom: what <see cref="TlpAccess.CanRead"/> needs. A run holds each distinct one once.
    private readonly record struct Access(TlpLevel? Tlp, Guid SourceParty, Guid SourceAgency, Guid? RecipientParty, Guid? RecipientAgency);

    private readonly long[] _seqs;
    private readonly long[] _dateAdded;
    private readonly int[] _jsonEnds;
    private readonly byte[] _json;
    private readonly ushort[] _accessOf;
    private readonly Access[] _accesses;
    private long _lastUsed;

    private CachedRun(long from, long to, long[] seqs, long[] dateAdded, int[] jsonEnds, byte[] json, ushort[] accessOf, Access[] accesses)
    {
        (From, To, _seqs, _dateAdded, _jsonEnds, _json, _accessOf, _accesses) = (from, to, seqs, dateAdded, jsonEnds, json, accessOf, accesses);
        Bytes = 256 + json.Length + seqs.Length * (8 + 8 + 4 + 2) + accesses.Length * 72;
    }

    public long From { get; }
    public long To { get; }
    public int Count => _seqs.Length;
    /// What the run occupies in memory, roughly.
    public long Bytes { get; }
    /// When a read last used the run (a timestamp of the cache's clock); the least recently used go first.
    public long LastUsed => Volatile.Read(ref _lastUsed);
    public void Touch(long now) => Volatile.Write(ref _lastUsed, now);

    public bool Covers(long cursor) => From <= cursor && cursor < To;

    /// The same rows ending at <paramref name="to"/>: a run read alongside another may overlap the next one.
    public CachedRun Until(long to)
    {
        if (to >= To) return this;
        var n = FirstAfter(to);
        var jsonLength = n == 0 ? 0 : _jsonEnds[n - 1];
        return new CachedRun(From, to, _seqs[..n], _dateAdded[..n], _jsonEnds[..n], _json[..jsonLength], _accessOf[..n], _accesses);
    }

    /// Adds the rows after <paramref name="cursor"/> that <paramref name="reader"/> may read, until <paramref name="rows"/>
    /// holds <paramref name="take"/>.
    public void Collect(long cursor, TlpAccess.Reader reader, int take, List<(long Seq, TaxiiPage.Item Item)> rows)
    {
        Span<byte> readable = stackalloc byte[Math.Min(_accesses.Length, 256)]; // 0 unknown, 1 yes, 2 no
        var start = FirstAfter(cursor);
        for (var r = start; r < _seqs.Length && rows.Count < take; r++)
        {
            if (!CanRead(_accessOf[r], reader, readable)) continue;
            var jsonStart = r == 0 ? 0 : _jsonEnds[r - 1];
            rows.Add((_seqs[r], new TaxiiPage.Item(new DateTime(_dateAdded[r], DateTimeKind.Utc), null, null, _json.AsMemory(jsonStart, _jsonEnds[r] - jsonStart))));
        }
    }

    /// The index of the first row with a sequence number above <paramref name="seq"/>.
    private int FirstAfter(long seq)
    {
        var i = Array.BinarySearch(_seqs, seq);
        return i >= 0 ? i + 1 : ~i;
    }

    private bool CanRead(ushort index, TlpAccess.Reader reader, Span<byte> known)
    {
        if (index < known.Length && known[index] != 0) return known[index] == 1;
        var a = _accesses[index];
        var yes = TlpAccess.CanRead(a.Tlp, a.SourceParty, a.SourceAgency, a.RecipientParty, a.RecipientAgency, reader);
        if (index < known.Length) known[index] = yes ? (byte)1 : (byte)2;
        return yes;
    }

    public const string Columns = """
        SELECT "Seq", "DateAdded", "Json", "Tlp", "SourcePartyId", "SourceAgencyId", "RecipientPartyId", "RecipientAgencyId"
        FROM "StixObjects"
        """;

    private const string Select = $"""
        {Columns}
        WHERE "CollectionId" = @collection AND "Seq" > @from AND "Seq" <= @to AND "IsLast"
        ORDER BY "Seq"
        LIMIT @take
        """;

    /// Reads up to <paramref name="length"/> newest versions after <paramref name="from"/> and no later than
    /// <paramref name="until"/>. The run ends at the last row read when it is full, else at <paramref name="until"/>.
    public static async Task<CachedRun> ReadAsync(ReadConnections connections, Guid collectionId, long from, long until, int length, CancellationToken ct)
    {
        var sqlite = connections.Provider == StorageProvider.Sqlite;
        await using var session = await connections.RentAsync(ct);
        var command = session.Command(Select);
        command.AddParameter("collection", connections.Key(collectionId));
        command.AddParameter("from", from);
        command.AddParameter("to", until);
        command.AddParameter("take", length);

        var seqs = new List<long>(length);
        var dates = new List<long>(length);
        var ends = new List<int>(length);
        var accessOf = new List<ushort>(length);
        var accesses = new Dictionary<Access, ushort>();
        var json = new ArrayBufferWriter<byte>(length * 512);
        await using (var result = await command.ExecuteReaderAsync(ct))
        {
            while (await result.ReadAsync(ct))
            {
                seqs.Add(result.GetInt64(0));
                dates.Add(sqlite ? SqliteInstant(result.GetString(1)).Ticks : DateTime.SpecifyKind(result.GetDateTime(1), DateTimeKind.Utc).Ticks);
                if (sqlite) json.Write(result.GetFieldValue<byte[]>(2));
                else
                {
                    var text = result.GetString(2);
                    json.Advance(Encoding.UTF8.GetBytes(text, json.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length))));
                }
                ends.Add(json.WrittenCount);
                var access = new Access(result.IsDBNull(3) ? null : Enum.Parse<TlpLevel>(result.GetString(3)),
                    Id(result, 4)!.Value, Id(result, 5)!.Value, Id(result, 6), Id(result, 7));
                if (!accesses.TryGetValue(access, out var index)) accesses[access] = index = checked((ushort)accesses.Count);
                accessOf.Add(index);
            }
        }
        var to = seqs.Count == length ? seqs[^1] : until;
        return new CachedRun(from, to, [.. seqs], [.. dates], [.. ends], json.WrittenSpan.ToArray(), [.. accessOf],
            [.. accesses.OrderBy(a => a.Value).Select(a => a.Key)]);
    }

    /// As Microsoft.Data.Sqlite's GetDateTime reads a text instant; stored instants are UTC.
    internal static DateTime SqliteInstant(string text) =>
        DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture), DateTimeKind.Utc);

    internal static Guid? Id(DbDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : row.GetFieldType(ordinal) == typeof(Guid) ? row.GetGuid(ordinal) : Guid.Parse(row.GetString(ordinal), CultureInfo.InvariantCulture);
}
