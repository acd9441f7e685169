using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Identity;

namespace Parley.Audit;

/// The audit trail for administrators, read-only: there is no endpoint that changes or deletes an entry.
/// An administrator reads the entries made by their own party's users and tokens; the operator verifies
/// and exports the whole chain with `parley audit`.
public static class AuditApi
{
    public const int MaxLimit = 1000;

    /// <param name="Changes">The transaction's other changes by the same actor; <c>changes</c> in the export, as hashed.</param>
    public sealed record AuditEntryDto(long Sequence, DateTime At, string ActorType, Guid? ActorId, Guid? AgencyId, Guid? PartyId,
        string Action, string SubjectType, string SubjectId, string PayloadDigest, IReadOnlyList<AuditChange> Changes, string PreviousHash, string Hash);

    public sealed record AuditChange(string Action, string SubjectType, string SubjectId)
    {
        /// Reads the `ACTION TYPE:ID` lines of <see cref="AuditEntry.Changes"/>; a line edited out of that shape
        /// (verify reports the edit) is shown whole as the action.
        public static IReadOnlyList<AuditChange> Parse(string changes) => changes.Length == 0 ? [] : changes.Split('\n').Select(line =>
        {
            var space = line.IndexOf(' ');
            var colon = space < 0 ? -1 : line.IndexOf(':', space + 1);
            return colon < 0 ? new AuditChange(line, "", "") : new AuditChange(line[..space], line[(space + 1)..colon], line[(colon + 1)..]);
        }).ToList();
    }

    public sealed record AuditPage(IReadOnlyList<AuditEntryDto> Items, long? NextAfter);

    public sealed record Checkpoint(long Sequence, string Hash, string Text);

    public static RouteGroupBuilder MapAudit(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Policies.Administrator);
        group.MapGet("/", ListAsync);
        group.MapGet("/checkpoint", async (ParleyDbContext db, ReadAuditQueue reads, CancellationToken ct) =>
        {
            await reads.FlushAsync(ct);
            var (sequence, hash) = await AuditChain.HeadAsync(db, ct);
            return TypedResults.Ok(new Checkpoint(sequence, hash, $"{sequence}:{hash}"));
        });
        return group;
    }

    /// Oldest first; `after` is the last sequence number of the previous page (keyset paging).
    public static async Task<Results<Ok<AuditPage>, ValidationProblem>> ListAsync(ClaimsPrincipal user, ParleyDbContext db, ReadAuditQueue reads, CancellationToken ct,
        string? from = null, string? to = null, string? actor = null, string? action = null, string? subject = null, string? after = null, string? limit = null)
    {
        var errors = new Dictionary<string, string[]>();
        var fromAt = Instant(from, "from", errors);
        var toAt = Instant(to, "to", errors);
        Guid? actorId = null;
        if (actor is not null)
        {
            if (Guid.TryParse(actor, out var id)) actorId = id;
            else errors["actor"] = ["actor is the id of a user or an API token."];
        }
        if (action is { Length: > 64 }) errors["action"] = ["action is at most 64 characters."];
        if (subject is { Length: > 265 }) errors["subject"] = ["subject is TYPE or TYPE:ID, at most 265 characters."];
        long afterSequence = 0;
        if (after is not null && (!long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out afterSequence)))
            errors["after"] = ["after is a sequence number."];
        var take = 100;
        if (limit is not null && (!int.TryParse(limit, out take) || take is < 1 or > MaxLimit)) errors["limit"] = [$"limit must be a number from 1 to {MaxLimit}."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        // Reads answered before this request may still be queued; the page must not leave them out.
        await reads.FlushAsync(ct);

        var partyId = Actor.From(user).PartyId;
        var query = db.AuditEntries.AsNoTracking().Where(e => e.PartyId == partyId && e.Sequence > afterSequence);
        query = await AuditChain.WrittenBetweenAsync(db, query, fromAt, toAt, ct);
        if (actorId is { } a) query = query.Where(e => e.ActorId == a);
        // An entry matches by what names it or by any of its other changes (lines of `ACTION TYPE:ID`).
        if (!string.IsNullOrEmpty(action))
        {
            var line = "\n" + action + " ";
            query = query.Where(e => e.Action == action || ("\n" + e.Changes).Contains(line));
        }
        if (!string.IsNullOrEmpty(subject))
        {
            var colon = subject.IndexOf(':');
            var type = colon < 0 ? subject : subject[..colon];
            if (colon >= 0)
            {
                var id = subject[(colon + 1)..];
                var line = " " + subject + "\n";
                query = query.Where(e => (e.SubjectType == type && e.SubjectId == id) || (e.Changes + "\n").Contains(line));
            }
            else
            {
                var part = " " + type + ":";
                query = query.Where(e => e.SubjectType == type || e.Changes.Contains(part));
            }
        }
        var page = await query.OrderBy(e => e.Sequence).Take(take + 1).ToListAsync(ct);
        var items = page.Take(take).Select(e => new AuditEntryDto(e.Sequence, e.At, e.ActorType, e.ActorId, e.AgencyId, e.PartyId,
            e.Action, e.SubjectType, e.SubjectId, e.PayloadDigest, AuditChange.Parse(e.Changes), e.PreviousHash, e.Hash)).ToList();
        return TypedResults.Ok(new AuditPage(items, page.Count > take ? items[^1].Sequence : null));
    }

    private static DateTime? Instant(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (value is null) return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) return parsed.UtcDateTime;
        errors[field] = [$"{field} is an ISO 8601 instant, e.g. 2026-03-02T14:00:00Z."];
        return null;
    }
}
