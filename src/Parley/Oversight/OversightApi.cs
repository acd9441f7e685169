using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Parley.Data;
using Parley.Identity;
using Parley.Audit;

namespace Parley.Oversight;

/// GET /api/v1/mechanisms/{id}/oversight[.csv|.html]?from=&amp;to=: the oversight report of a mechanism
/// (id or code) as JSON, CSV or a self-contained HTML page. Read by the overseers, supervisors, hotline
/// officers and administrators of the mechanism's parties; officers and analysts get 403; a user whose
/// party is not in the mechanism gets 404, as for a mechanism that does not exist.
public static class OversightApi
{
    public const Roles Readers = Roles.Overseer | Roles.Supervisor | Roles.HotlineOfficer | Roles.Administrator;

    public static RouteGroupBuilder MapOversight(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/mechanisms").WithTags("Oversight");
        group.MapGet("/{id}/oversight", (string id, string? from, string? to, string? format, ClaimsPrincipal user, ParleyDbContext db, TimeProvider time, HttpContext http, CancellationToken ct) =>
        {
            if (format == "html") Web.SecurityHeaders.AllowInlineStyles(http);
            return GetAsync(id, from, to, format ?? "json", user, db, time, ct);
        });
        group.MapGet("/{id}/oversight.csv", (string id, string? from, string? to, ClaimsPrincipal user, ParleyDbContext db, TimeProvider time, CancellationToken ct) =>
            GetAsync(id, from, to, "csv", user, db, time, ct));
        group.MapGet("/{id}/oversight.html", (string id, string? from, string? to, ClaimsPrincipal user, ParleyDbContext db, TimeProvider time, HttpContext http, CancellationToken ct) =>
        {
            // The report is one self-contained file (inline CSS and SVG), the same as `parley report` writes.
            Web.SecurityHeaders.AllowInlineStyles(http);
            return GetAsync(id, from, to, "html", user, db, time, ct);
        });
        return group;
    }

    public static async Task<Results<Ok<OversightReport>, ContentHttpResult, NotFound, ValidationProblem, ProblemHttpResult>> GetAsync(
        string id, string? from, string? to, string format, ClaimsPrincipal user, ParleyDbContext db, TimeProvider time, CancellationToken ct)
    {
        var actor = Actor.From(user);
        var mechanism = await OversightBuilder.FindMechanismAsync(db, id, actor.PartyId, ct);
        if (mechanism is null) return TypedResults.NotFound();
        if ((actor.Roles & Readers) == 0)
            return TypedResults.Problem("The oversight report is read by overseers, supervisors, hotline officers and administrators.", statusCode: 403, title: "Not allowed");
        format = format.ToLowerInvariant();
        if (format is not ("json" or "csv" or "html"))
            return Invalid("format", "format is json, csv or html.");
        var now = time.GetUtcNow().UtcDateTime;
        var resolved = OversightPeriod.Resolve(mechanism, from, to, now);
        if (resolved.Period is not { } period) return Invalid(resolved.Field!, resolved.Error!);

        await db.RecordAsync("report.oversight", "Mechanism", mechanism.Id.ToString(),
            new Dictionary<string, string?> { ["from"] = from, ["to"] = to, ["format"] = format }, ct);
        var report = await new OversightBuilder(db).BuildAsync(mechanism, period, now, ct);
        return format switch
        {
            "csv" => TypedResults.Content(OversightCsv.Write(report), OversightCsv.MediaType),
            "html" => TypedResults.Content(OversightHtml.Write(report), OversightHtml.MediaType),
            _ => TypedResults.Ok(report),
        };
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
