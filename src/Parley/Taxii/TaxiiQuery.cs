using System.Globalization;
using Parley.Intel;
using Parley.Stix;

namespace Parley.Taxii;

/// The URL filters of TAXII 2.1 section 3.4: added_after, limit, next and match[…].
public sealed class TaxiiQuery
{
    public DateTime? AddedAfter { get; private init; }
    public int Limit { get; private init; }
    public long? Next { get; private init; }
    public List<string> Ids { get; private init; } = [];
    public List<string> Types { get; private init; } = [];
    public List<string> SpecVersions { get; private init; } = [];
    public bool AllVersions { get; private init; }
    public bool First { get; private init; }
    public bool Last { get; private init; }
    public List<DateTime> Versions { get; private init; } = [];

    /// Reads the filters; <paramref name="error"/> names the first bad one.
    public static TaxiiQuery? Parse(IQueryCollection query, TaxiiOptions options, string defaultVersion, out string? error)
    {
        error = null;
        DateTime? addedAfter = null;
        if (query["added_after"].ToString() is { Length: > 0 } after)
        {
            if (!StixTimestamp.TryParse(after, out var stamp)) { error = $"added_after '{after}' is not an RFC 3339 UTC timestamp."; return null; }
            addedAfter = stamp.Instant.UtcDateTime;
        }
        var limit = options.DefaultPageSize;
        if (query["limit"].ToString() is { Length: > 0 } l)
        {
            if (!int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1) { error = $"limit '{l}' is not a positive whole number."; return null; }
            limit = Math.Min(limit, options.MaxPageSize);
        }
        long? next = null;
        if (query["next"].ToString() is { Length: > 0 } n)
        {
            if (!long.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var cursor)) { error = $"next '{n}' is not a value this server handed out."; return null; }
            next = cursor;
        }
        var versionTokens = List(query, "match[version]");
        if (versionTokens.Count == 0) versionTokens.Add(defaultVersion);
        var stamps = new List<DateTime>();
        foreach (var token in versionTokens.Where(t => t is not ("all" or "first" or "last")))
        {
            if (!StixTimestamp.TryParse(token, out var stamp)) { error = $"match[version] '{token}' is not first, last, all or a timestamp."; return null; }
            stamps.Add(DateAddedClock.Truncate(stamp.Instant.UtcDateTime));
        }
        return new TaxiiQuery
        {
            AddedAfter = addedAfter, Limit = limit, Next = next,
            Ids = List(query, "match[id]"), Types = List(query, "match[type]"), SpecVersions = List(query, "match[spec_version]"),
            AllVersions = versionTokens.Contains("all"), First = versionTokens.Contains("first"), Last = versionTokens.Contains("last"),
            Versions = stamps,
        };
    }

    public IQueryable<StoredObject> Apply(IQueryable<StoredObject> q, bool versions = true)
    {
        if (AddedAfter is { } after) q = q.Where(o => o.DateAdded > after);
        if (Next is { } next) q = q.Where(o => o.Seq > next);
        if (Ids.Count > 0) { var ids = Ids; q = q.Where(o => ids.Contains(o.StixId)); }
        if (Types.Count > 0) { var types = Types; q = q.Where(o => types.Contains(o.Type)); }
        if (SpecVersions.Count > 0) { var specs = SpecVersions; q = q.Where(o => specs.Contains(o.SpecVersion)); }
        if (versions && !AllVersions)
        {
            bool first = First, last = Last;
            var stamps = Versions;
            q = stamps.Count == 0
                ? q.Where(o => (first && o.IsFirst) || (last && o.IsLast))
                : q.Where(o => (first && o.IsFirst) || (last && o.IsLast) || stamps.Contains(o.Version));
        }
        return q;
    }

    private static List<string> List(IQueryCollection query, string name) =>
        query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
}
