using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Identity;

namespace Parley.Hotline;

/// Answering a ping: anonymously through the link e-mailed to the contact, or signed in as a user of the contact's agency.
/// The link's GET never answers (mail scanners open links); it shows a page whose one button POSTs to the same address.
public static class CommunicationCheckAck
{
    public static void MapCommunicationCheckLink(this RouteGroupBuilder checks)
    {
        checks.MapGet("/ack/{token}", ShowAsync).AllowAnonymous().ExcludeFromDescription();
        checks.MapPost("/ack/{token}", AcknowledgeByLinkAsync).AllowAnonymous();
    }

    private static async Task<IResult> ShowAsync(string token, ParleyDbContext db, HttpContext http, CancellationToken ct)
    {
        var found = await FindAsync(db, token, ct);
        if (found is null) return TypedResults.NotFound();
        return Respond(http, await StatusAsync(db, found.Value.Ping, found.Value.Check, ct), justAnswered: false);
    }

    private static async Task<IResult> AcknowledgeByLinkAsync(string token, ParleyDbContext db, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var found = await FindAsync(db, token, ct);
        if (found is null) return TypedResults.NotFound();
        var (ping, check) = found.Value;
        var recorded = await CommunicationChecks.AnswerAsync(db, ping, check.DueAt, time.GetUtcNow().UtcDateTime, ct);
        return Respond(http, await StatusAsync(db, ping, check, ct), justAnswered: recorded);
    }

    public static async Task<Results<Ok<AckStatus>, NotFound, ProblemHttpResult>> AcknowledgeAsUserAsync(
        Guid id, Guid contactId, ClaimsPrincipal principal, ParleyDbContext db, TimeProvider time, CancellationToken ct)
    {
        var actor = Actor.From(principal);
        var ping = await db.CommunicationCheckPings.SingleOrDefaultAsync(p => p.CheckId == id && p.ContactId == contactId, ct);
        var check = ping is null ? null : await db.CommunicationChecks.AsNoTracking().SingleAsync(c => c.Id == ping.CheckId, ct);
        if (check is null || await HotlineAccess.FindMechanismAsync(db, check.MechanismId.ToString(), actor, ct) is null) return TypedResults.NotFound();
        if (ping!.AgencyId != actor.AgencyId) return HotlineProblems.Forbidden("Only users of the contact's agency answer its ping.");
        await CommunicationChecks.AnswerAsync(db, ping, check.DueAt, time.GetUtcNow().UtcDateTime, ct);
        return TypedResults.Ok(await StatusAsync(db, ping, check, ct));
    }

    private static async Task<(CommunicationCheckPing Ping, CommunicationCheck Check)?> FindAsync(ParleyDbContext db, string token, CancellationToken ct)
    {
        // The link is a bearer capability: any string is hashed and looked up, with no shortcut for an
        // implausible one, so that a wrong token and another party's token cost the same statement.
        var hash = CommunicationChecks.Hash(token);
        var ping = await db.CommunicationCheckPings.SingleOrDefaultAsync(p => p.TokenHash == hash, ct);
        if (ping is null) return null;
        return (ping, await db.CommunicationChecks.AsNoTracking().SingleAsync(c => c.Id == ping.CheckId, ct));
    }

    private static async Task<AckStatus> StatusAsync(ParleyDbContext db, CommunicationCheckPing ping, CommunicationCheck check, CancellationToken ct)
    {
        var mechanism = await db.Mechanisms.Where(m => m.Id == check.MechanismId).Select(m => m.Code).SingleAsync(ct);
        var contact = await db.PointsOfContact.Where(c => c.Id == ping.ContactId).Select(c => c.Name).SingleAsync(ct);
        return new AckStatus(mechanism, contact, ping.SentAt, check.DueAt, ping.AnsweredAt, ping.Result);
    }

    /// JSON for API clients; a small page for a person with a browser.
    private static IResult Respond(HttpContext http, AckStatus status, bool justAnswered)
    {
        var accept = http.Request.Headers.Accept.ToString();
        if (!accept.Contains("text/html", StringComparison.OrdinalIgnoreCase)) return TypedResults.Ok(status);
        static string Html(string? text) => WebUtility.HtmlEncode(text ?? "");
        var body = status.AnsweredAt is { } at
            ? $"<p>{(justAnswered ? "Thank you: received" : "Already received")} at {at:yyyy-MM-dd HH:mm} UTC ({Html(Kebab(status.Result))}).</p>"
            : $"<p>Please confirm before {status.DueAt:yyyy-MM-dd HH:mm} UTC that this channel reaches you.</p>" +
              "<form method=\"post\"><button type=\"submit\">Confirm receipt</button></form>";
        var html = $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Communication check</title></head>" +
                   $"<body style=\"font-family:sans-serif;max-width:40em;margin:3em auto\"><h1>Communication check</h1>" +
                   $"<p>{Html(status.Mechanism)} · {Html(status.Contact)} · sent {status.SentAt:yyyy-MM-dd HH:mm} UTC</p>{body}</body></html>";
        Web.SecurityHeaders.AllowInlineStyles(http);
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    private static string Kebab(PingResult r) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(r.ToString());
}
