using Parley.Intel;
using Parley.Stix.Markings;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Taxii;

/// GET objects with only added_after / next / limit is answered by a plain statement; any other filter by the
/// general query. Both must return exactly what TLP lets each reader see, in the same order, page after page.
public abstract class TaxiiPlainPageTests(DatabaseKind kind) : AppTest(kind)
{
    private static readonly string[] Readers = ["us.officer", "us.dhs", "cn.officer", "cn.mss"];
    private static readonly TlpLevel?[] Levels = [null, TlpLevel.Clear, TlpLevel.Green, TlpLevel.Amber, TlpLevel.AmberStrict, TlpLevel.Red];
    private static readonly DateTime Start = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    private sealed record Seeded(string StixId, long Seq, DateTime DateAdded, bool IsLast, StoredObject Row);

    /// Every marking × every sending agency × every kind of recipient (none, a party, an agency of either party),
    /// each also with an older version that is not the newest.
    private async Task<(string Collection, List<Seeded> Rows)> SeedAsync()
    {
        var collection = await Taxii.CollectionAsync(App);
        var collectionId = Guid.Parse(collection.Split('/')[^2]);
        var rows = await App.WithDbAsync(async db =>
        {
            var agencies = db.Agencies.ToDictionary(a => a.Code);
            var (us, cn) = (agencies["FBI"].PartyId, agencies["MPS"].PartyId);
            (Guid? Party, Guid? Agency)[] recipients =
                [(null, null), (us, null), (cn, null), (us, agencies["FBI"].Id), (cn, agencies["MPS"].Id), (cn, agencies["MSS"].Id), (us, agencies["DHS"].Id)];
            var objects = new List<StoredObject>();
            var i = 0;
            foreach (var tlp in Levels)
            foreach (var sender in new[] { "FBI", "DHS", "MPS", "MSS" })
            foreach (var (party, agency) in recipients)
            foreach (var last in new[] { false, true })
            {
                var id = $"indicator--{Guid.NewGuid()}";
                objects.Add(new StoredObject
                {
                    MechanismId = App.Directory.Mechanism.Id, CollectionId = collectionId, StixId = id, Type = "indicator", SpecVersion = "2.1",
                    Version = Start, VersionText = "2026-03-01T08:00:00.000Z", DateAdded = Start.AddSeconds(i++), IsLast = last, IsFirst = true, Tlp = tlp,
                    SourcePartyId = agencies[sender].PartyId, SourceAgencyId = agencies[sender].Id, RecipientPartyId = party, RecipientAgencyId = agency,
                    Json = $$"""{"type":"indicator","spec_version":"2.1","id":"{{id}}","x_tlp":"{{tlp}}"}""",
                });
            }
            db.StixObjects.AddRange(objects);
            await db.SaveChangesAsync();
            return objects.Select(o => new Seeded(o.StixId, o.Seq, o.DateAdded, o.IsLast, o)).ToList();
        });
        return (collection, rows);
    }

    private async Task<Dictionary<string, TlpAccess.Reader>> ReaderOfAsync() => await App.WithDbAsync(async db =>
    {
        var users = db.Users.ToList();
        var agencies = db.Agencies.ToDictionary(a => a.Id);
        return await Task.FromResult(Readers.ToDictionary(r => r, r =>
        {
            var agency = agencies[users.Single(u => u.UserName == r).AgencyId];
            return new TlpAccess.Reader(agency.PartyId, agency.Id);
        }));
    });

    private static List<string> Expected(List<Seeded> rows, TlpAccess.Reader reader, DateTime? after = null) => rows
        .Where(r => r.IsLast && (after is null || r.DateAdded > after))
        .Where(r => TlpAccess.CanRead(r.Row.Tlp, r.Row.SourcePartyId, r.Row.SourceAgencyId, r.Row.RecipientPartyId, r.Row.RecipientAgencyId, reader))
        .OrderBy(r => r.Seq).Select(r => r.StixId).ToList();

    [Fact]
    public async Task PlainAndGeneralReads_ReturnWhatTlpAllows_ForEveryReader()
    {
        var (collection, rows) = await SeedAsync();
        var readers = await ReaderOfAsync();
        foreach (var user in Readers)
        {
            var expected = Expected(rows, readers[user]);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, Taxii.Ids(await Taxii.GetAsync(App, user, $"{collection}objects/?limit=1000")));
            // A spec_version filter sends the same read through the general query.
            Assert.Equal(expected, Taxii.Ids(await Taxii.GetAsync(App, user, $"{collection}objects/?limit=1000&match[spec_version]=2.1")));
        }
        // The readers do not all see the same: the filter is doing something.
        Assert.Equal(Readers.Length, Readers.Select(u => string.Join(' ', Expected(rows, readers[u]))).Distinct().Count());
        Assert.True(Expected(rows, readers["cn.mss"]).Count < rows.Count(r => r.IsLast));
    }

    [Fact]
    public async Task PagingWithAddedAfter_WalksTheSameObjects_OnBothPaths()
    {
        var (collection, rows) = await SeedAsync();
        var readers = await ReaderOfAsync();
        var after = Start.AddSeconds(100);
        foreach (var user in new[] { "cn.mss", "us.officer" })
        {
            var expected = Expected(rows, readers[user], after);
            foreach (var extra in new[] { "", "&match[spec_version]=2.1" })
            {
                var seen = new List<string>();
                string? next = null;
                do
                {
                    var page = await Taxii.GetAsync(App, user,
                        $"{collection}objects/?limit=7&added_after=2026-03-01T08:01:40.000Z{extra}{(next is null ? "" : $"&next={next}")}");
                    seen.AddRange(Taxii.Ids(page));
                    next = page.GetProperty("more").GetBoolean() ? page.GetProperty("next").GetString() : null;
                } while (next is not null);
                Assert.Equal(expected, seen);
            }
        }
    }
}

public sealed class TaxiiPlainPageOnSqlite() : TaxiiPlainPageTests(DatabaseKind.Sqlite);

public sealed class TaxiiPlainPageOnPostgres() : TaxiiPlainPageTests(DatabaseKind.Postgres);
