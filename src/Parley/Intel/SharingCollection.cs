using Parley.Directory;
using Parley.Identity;
using Parley.Stix;

namespace Parley.Intel;

/// A place to share STIX objects within a mechanism: the shared collection (every party of the
/// mechanism) or one collection per agency of a member party (objects sent to that agency).
/// Collections follow from the directory; they are not stored.
public sealed record SharingCollection(Guid Id, Mechanism Mechanism, string Title, string Description, Party? RecipientParty, Agency? RecipientAgency)
{
    private static readonly Guid Namespace = new("0c7e6a52-9d1b-4f3e-8a2d-5b6c7d8e9f10");

    public bool IsShared => RecipientAgency is null;

    /// Any role that works cases or analyses threats may read; overseers and administrators see no contents.
    public static bool CanRead(Actor actor, Mechanism mechanism) =>
        IsMember(actor, mechanism) && (actor.Has(Roles.Officer) || actor.Has(Roles.Supervisor) || actor.Has(Roles.HotlineOfficer) || actor.Has(Roles.Analyst));

    public static bool CanWrite(Actor actor, Mechanism mechanism) =>
        IsMember(actor, mechanism) && (actor.Has(Roles.Officer) || actor.Has(Roles.Supervisor) || actor.Has(Roles.Analyst));

    public static bool IsMember(Actor actor, Mechanism mechanism) => mechanism.Parties.Any(p => p.PartyId == actor.PartyId);

    public static IReadOnlyList<SharingCollection> For(Mechanism mechanism, DirectoryCache.DirectorySnapshot dir)
    {
        var list = new List<SharingCollection>
        {
            new(CollectionId(mechanism, "shared"), mechanism, $"{mechanism.Code}: shared",
                $"Threat intelligence shared with every party of {mechanism.Name}.", null, null),
        };
        foreach (var party in mechanism.Parties.Select(p => dir.Parties[p.PartyId]).OrderBy(p => p.Code, StringComparer.Ordinal))
            foreach (var agency in dir.Agencies.Values.Where(a => a.PartyId == party.Id).OrderBy(a => a.Code, StringComparer.Ordinal))
                list.Add(new(CollectionId(mechanism, $"agency:{agency.Id}"), mechanism, $"{mechanism.Code}: for {agency.Code} ({party.Code})",
                    $"Threat intelligence sent to {agency.Name} ({party.Name}) under {mechanism.Name}.", party, agency));
        return list;
    }

    public static SharingCollection? Find(Mechanism mechanism, DirectoryCache.DirectorySnapshot dir, Guid id) =>
        For(mechanism, dir).FirstOrDefault(c => c.Id == id);

    public static Mechanism? FindMechanism(DirectoryCache.DirectorySnapshot dir, string codeOrId) =>
        dir.Mechanisms.Values.FirstOrDefault(m => m.Code.Equals(codeOrId, StringComparison.OrdinalIgnoreCase) || m.Id.ToString() == codeOrId);

    private static Guid CollectionId(Mechanism mechanism, string name) => ObservableIds.UuidV5(Namespace, $"{mechanism.Id}:{name}");
}
