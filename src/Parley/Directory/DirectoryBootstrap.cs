using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Deadlines;

namespace Parley.Directory;

/// Creates the first party and agency of a new server from the command line, so that its first
/// administrator has somewhere to belong; everything else is then done through the API.
public static class DirectoryBootstrap
{
    /// Returns an error message, or null when the agency exists or was created.
    public static async Task<string?> EnsureAgencyAsync(ParleyDbContext db, string partyCode, string agencyCode, string? timeZone, CancellationToken ct)
    {
        var code = partyCode.Trim().ToUpperInvariant();
        if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper)) return $"'{partyCode}' is not an ISO 3166 alpha-2 code.";
        var party = await db.Parties.SingleOrDefaultAsync(p => p.Code == code, ct);
        if (party is null)
        {
            if (timeZone is null || !ZonedTime.IsKnownZone(timeZone)) return $"party {code} is new: give its IANA time zone with --time-zone.";
            db.Parties.Add(party = new Party { Id = Guid.CreateVersion7(), Code = code, Name = code, TimeZone = timeZone });
        }
        if (!await db.Agencies.AnyAsync(a => a.PartyId == party.Id && a.Code == agencyCode, ct))
            db.Agencies.Add(new Agency { Id = Guid.CreateVersion7(), PartyId = party.Id, Code = agencyCode, Name = agencyCode });
        await db.SaveChangesAsync(ct);
        return null;
    }
}
