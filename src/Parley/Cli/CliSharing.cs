using Parley.Directory;
using Parley.Intel;

namespace Parley.Cli;

/// Resolves --mechanism / --agency / --to to a collection and the sharing agency.
public static class CliSharing
{
    public static (IngestTarget? Target, string? Problem) Resolve(DirectoryCache.DirectorySnapshot dir, string? mechanismCode, string agencyCode, string? toCode)
    {
        var agencies = dir.Agencies.Values.Where(a => a.Code.Equals(agencyCode, StringComparison.OrdinalIgnoreCase)).ToList();
        if (agencies.Count != 1) return (null, agencies.Count == 0 ? $"no agency '{agencyCode}'." : $"several agencies are called '{agencyCode}'.");
        var agency = agencies[0];
        var mechanisms = dir.Mechanisms.Values.Where(m => m.Parties.Any(p => p.PartyId == agency.PartyId)).ToList();
        var mechanism = mechanismCode is null
            ? (mechanisms.Count == 1 ? mechanisms[0] : null)
            : mechanisms.FirstOrDefault(m => m.Code.Equals(mechanismCode, StringComparison.OrdinalIgnoreCase));
        if (mechanism is null)
            return (null, mechanismCode is null
                ? $"{agency.Code} takes part in {mechanisms.Count} mechanisms; name one with --mechanism."
                : $"{agency.Code}'s party is not in a mechanism '{mechanismCode}'.");
        var collections = SharingCollection.For(mechanism, dir);
        var collection = toCode is null ? collections[0]
            : collections.FirstOrDefault(c => c.RecipientAgency?.Code.Equals(toCode, StringComparison.OrdinalIgnoreCase) == true);
        if (collection is null) return (null, $"no agency '{toCode}' in {mechanism.Code}.");
        return (new IngestTarget(collection, agency.PartyId, agency.Id, null), null);
    }
}
