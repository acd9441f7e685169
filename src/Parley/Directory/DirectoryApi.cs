using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Deadlines;
using Parley.Hosting;
using Parley.Identity;

namespace Parley.Directory;

/// The shared directory: read by every signed-in user, written by administrators.
public static class DirectoryApi
{
    public static RouteGroupBuilder MapDirectory(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/directory").WithTags("Directory");
        group.MapGet("/mechanisms", async (ParleyDbContext db, CancellationToken ct) =>
        {
            var parties = await db.Parties.AsNoTracking().ToDictionaryAsync(p => p.Id, ct);
            var list = await db.Mechanisms.AsNoTracking().Include(m => m.Parties).Include(m => m.Rounds).Include(m => m.Policies)
                .AsSplitQuery().OrderBy(m => m.Code).ToListAsync(ct);
            return TypedResults.Ok(list.Select(m => DirectoryMapping.ToDto(m, parties)).ToList());
        });
        group.MapGet("/parties", async (ParleyDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.Parties.AsNoTracking().Include(p => p.CalendarDays).OrderBy(p => p.Code).ToListAsync(ct))
                .Select(DirectoryMapping.ToDto).ToList()));
        group.MapGet("/agencies", async (ParleyDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.Agencies.AsNoTracking().Include(a => a.Party).Include(a => a.Contacts).OrderBy(a => a.Party!.Code).ThenBy(a => a.Code).ToListAsync(ct))
                .Select(a => DirectoryMapping.ToDto(a, a.Party!.Code)).ToList()));

        var admin = group.MapGroup("/").RequireAuthorization(Policies.Administrator);
        admin.MapPut("/parties/{code}", DirectoryAdmin.PutPartyAsync);
        admin.MapPost("/agencies", DirectoryAdmin.AddAgencyAsync);
        admin.MapPut("/agencies/{id:guid}", AgencyChanges.PutAgencyAsync);
        admin.MapPost("/agencies/{id:guid}/contacts", DirectoryAdmin.AddContactAsync);
        admin.MapPut("/agencies/{id:guid}/contacts/{contactId:guid}", AgencyChanges.PutContactAsync);
        admin.MapDelete("/agencies/{id:guid}/contacts/{contactId:guid}", AgencyChanges.DeleteContactAsync);
        admin.MapPost("/mechanisms", DirectoryAdmin.AddMechanismAsync);
        admin.MapPut("/mechanisms/{code}/policies", DirectoryAdmin.PutPolicyAsync);
        admin.MapPost("/mechanisms/{code}/rounds", DirectoryAdmin.AddRoundAsync);
        return group;
    }
}
