using System.Linq.Expressions;
using Parley.Identity;
using Parley.Stix.Markings;

namespace Parley.Intel;

/// Who may read what a TLP 2.0 marking covers, given who shared it and with whom.
/// The originating agency always reads its own objects. CLEAR, GREEN and unmarked objects go to
/// everyone who may read the collection; AMBER to the parties concerned (the recipient's and the
/// sender's, or every party when shared with all); AMBER+STRICT only within the receiving
/// organisation (the recipient agency); RED only to the named recipient (the recipient agency).
/// An object shared with nobody in particular has no named recipient: AMBER+STRICT and RED stay with the originator.
public static class TlpAccess
{
    public readonly record struct Reader(Guid PartyId, Guid AgencyId)
    {
        public static Reader Of(Actor actor) => new(actor.PartyId, actor.AgencyId);
    }

    public static bool CanRead(TlpLevel? tlp, Guid sourceParty, Guid sourceAgency, Guid? recipientParty, Guid? recipientAgency, Reader reader)
    {
        if (reader.AgencyId == sourceAgency) return true;
        return tlp switch
        {
            null or TlpLevel.Clear or TlpLevel.Green => true,
            TlpLevel.Amber => recipientParty is null || recipientParty == reader.PartyId || sourceParty == reader.PartyId,
            _ => recipientAgency is not null ? recipientAgency == reader.AgencyId : recipientParty == reader.PartyId,
        };
    }

    /// <see cref="CanRead"/> as a query filter, so that paging counts only what the reader may see.
    public static Expression<Func<StoredObject, bool>> Readable(Reader reader)
    {
        var party = reader.PartyId;
        var agency = reader.AgencyId;
        return o => o.SourceAgencyId == agency
            || o.Tlp == null || o.Tlp == TlpLevel.Clear || o.Tlp == TlpLevel.Green
            || (o.Tlp == TlpLevel.Amber && (o.RecipientPartyId == null || o.RecipientPartyId == party || o.SourcePartyId == party))
            || ((o.Tlp == TlpLevel.AmberStrict || o.Tlp == TlpLevel.Red)
                && (o.RecipientAgencyId == agency || (o.RecipientAgencyId == null && o.RecipientPartyId == party)));
    }
}
