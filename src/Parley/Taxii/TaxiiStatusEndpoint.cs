using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Identity;
using Parley.Intel;

namespace Parley.Taxii;

/// The status resource of TAXII 2.1 section 4.3. Adds are processed before the answer, so a
/// status is always "complete"; it stays readable by the party that posted.
public static class TaxiiStatusEndpoint
{
    public sealed record StatusDetail(string Id, string? Version, string? Message = null);
    private sealed record Details(List<StatusDetail> Successes, List<StatusDetail> Failures);

    public sealed record StatusResource(
        string Id, string Status, string RequestTimestamp, int TotalCount, int SuccessCount, List<StatusDetail>? Successes,
        int FailureCount, List<StatusDetail>? Failures, int PendingCount, List<StatusDetail>? Pendings);

    public static async Task<IResult> GetAsync(string root, string statusId, ClaimsPrincipal user, TaxiiServices s, CancellationToken ct)
    {
        var actor = Actor.From(user);
        var (mechanism, _) = await s.RootAsync(root, actor, ct);
        if (mechanism is null) return TaxiiError.NotFound($"No API root '{root}'.");
        if (!Guid.TryParse(statusId, out var id)) return TaxiiError.NotFound($"No status '{statusId}'.");
        var status = await s.Db.TaxiiStatuses.AsNoTracking()
            .SingleOrDefaultAsync(x => x.Id == id && x.MechanismId == mechanism.Id && x.PartyId == actor.PartyId, ct);
        return status is null ? TaxiiError.NotFound($"No status '{statusId}'.") : new TaxiiResult(Resource(status));
    }

    public static TaxiiStatusRecord Record(SharingCollection collection, Actor actor, DateTime requested, IngestResult result)
    {
        var details = new Details(
            result.Successes.Select(x => new StatusDetail(x.Id, x.Version)).ToList(),
            result.Failures.Select(f => new StatusDetail(f.Id ?? $"objects[{f.Index}]", f.Version, $"objects[{f.Index}]: {f.Message}")).ToList());
        return new TaxiiStatusRecord
        {
            Id = Guid.NewGuid(), MechanismId = collection.Mechanism.Id, CollectionId = collection.Id, PartyId = actor.PartyId,
            RequestTimestamp = requested, TotalCount = result.Total, SuccessCount = result.Stored + result.Duplicates,
            FailureCount = result.Failures.Count, PendingCount = 0,
            Details = JsonSerializer.Serialize(details, TaxiiResult.Options),
        };
    }

    public static StatusResource Resource(TaxiiStatusRecord r)
    {
        var details = JsonSerializer.Deserialize<Details>(r.Details, TaxiiResult.Options)!;
        return new StatusResource(r.Id.ToString(), "complete", StoredVersions.Format(r.RequestTimestamp), r.TotalCount,
            r.SuccessCount, details.Successes.Count > 0 ? details.Successes : null,
            r.FailureCount, details.Failures.Count > 0 ? details.Failures : null, r.PendingCount, null);
    }
}
