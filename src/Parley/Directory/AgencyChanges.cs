using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Hosting;
using Parley.Identity;

namespace Parley.Directory;

public sealed record AgencyUpdate(
    [property: Required, MaxLength(32)] string? Code,
    [property: Required, MaxLength(200)] string? Name);

/// An administrator renames their own party's agencies and edits or removes their points of contact.
/// The object is looked up within the caller's party before the body is judged, so another party's
/// agency or contact is a plain 404.
public static class AgencyChanges
{
    public const string ContactInUse = "This point of contact has communication-check results, which must keep naming it; change its details instead.";

    public static async Task<Results<Ok<AgencyDto>, NotFound, ValidationProblem>> PutAgencyAsync(
        Guid id, AgencyUpdate body, ClaimsPrincipal principal, ParleyDbContext db, DirectoryCache cache, CancellationToken ct)
    {
        var partyId = Actor.From(principal).PartyId;
        var agency = await db.Agencies.Include(a => a.Party).Include(a => a.Contacts).SingleOrDefaultAsync(a => a.Id == id && a.PartyId == partyId, ct);
        if (agency is null) return TypedResults.NotFound();
        var errors = ModelValidation.Check(body);
        if (body.Code is not null && await db.Agencies.AnyAsync(a => a.PartyId == partyId && a.Code == body.Code && a.Id != id, ct))
            errors["code"] = [$"{agency.Party!.Code} already has an agency '{body.Code}'."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        agency.Code = body.Code!;
        agency.Name = body.Name!;
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Ok(DirectoryMapping.ToDto(agency, agency.Party!.Code));
    }

    public static async Task<Results<Ok<ContactDto>, NotFound, ValidationProblem>> PutContactAsync(
        Guid id, Guid contactId, ContactInput body, ClaimsPrincipal principal, ParleyDbContext db, CancellationToken ct)
    {
        var contact = await FindAsync(db, id, contactId, principal, ct);
        if (contact is null) return TypedResults.NotFound();
        var errors = ModelValidation.Check(body);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        contact.Name = body.Name!;
        contact.Email = body.Email;
        contact.Phone = body.Phone;
        contact.WebhookUrl = body.WebhookUrl;
        contact.Availability = body.Availability;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(contact));
    }

    /// A contact that communication checks have pinged stays, since their results name it (409).
    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteContactAsync(
        Guid id, Guid contactId, ClaimsPrincipal principal, ParleyDbContext db, CancellationToken ct)
    {
        var contact = await FindAsync(db, id, contactId, principal, ct);
        if (contact is null) return TypedResults.NotFound();
        if (await db.CommunicationCheckPings.AnyAsync(p => p.ContactId == contactId, ct))
            return TypedResults.Problem(ContactInUse, statusCode: StatusCodes.Status409Conflict, title: "The point of contact is in use");
        db.PointsOfContact.Remove(contact);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static Task<PointOfContact?> FindAsync(ParleyDbContext db, Guid agencyId, Guid contactId, ClaimsPrincipal principal, CancellationToken ct)
    {
        var partyId = Actor.From(principal).PartyId;
        return db.PointsOfContact.SingleOrDefaultAsync(c => c.Id == contactId && c.AgencyId == agencyId
            && db.Agencies.Any(a => a.Id == agencyId && a.PartyId == partyId), ct);
    }

    public static ContactDto ToDto(PointOfContact c) => new(c.Id, c.Name, c.Email, c.Phone, c.WebhookUrl, c.Availability);
}
