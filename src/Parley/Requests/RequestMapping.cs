using NodaTime;
using Parley.Deadlines;
using Parley.Directory;
using Parley.Identity;

namespace Parley.Requests;

/// Entity → DTO, with every deadline shown in the viewer's and the counterpart's time zones.
public static class RequestMapping
{
    public static RequestSummary ToSummary(Request r, Actor viewer, DirectoryCache.DirectorySnapshot dir, Instant now)
    {
        var side = viewer.PartyId == r.FromPartyId ? Side.Requesting : Side.Responding;
        var next = r.Deadlines.Where(d => d.State == DeadlineState.Pending)
            .OrderBy(d => d.DueAt ?? DateTime.MaxValue).FirstOrDefault();
        return new RequestSummary(
            r.Id, r.Reference, dir.Mechanisms[r.MechanismId].Code, side,
            Party(dir.Parties[r.FromPartyId]), Agency(dir.Agencies[r.FromAgencyId]),
            Party(dir.Parties[r.ToPartyId]), r.ToAgencyId is { } to ? Agency(dir.Agencies[to]) : null,
            r.Kind, r.Priority, r.Status, r.Tlp, r.Subject, r.CreatedAt, r.SubmittedAt,
            next is null ? null : ToDto(next, r, viewer, dir, now), r.Version);
    }

    public static RequestDetail ToDetail(Request r, Actor viewer, DirectoryCache.DirectorySnapshot dir, Instant now) => new(
        ToSummary(r, viewer, dir, now),
        r.Narrative, r.ActivityStart, r.ActivityEnd, r.Sector, r.Victims, r.LegalBasis, r.DeclineReason,
        r.Indicators.Select(i => new IndicatorDto(i.Type, i.Value, i.HashAlgorithm, i.Note)).ToList(),
        r.Deadlines.OrderBy(d => d.Kind).Select(d => ToDto(d, r, viewer, dir, now)).ToList(),
        r.Events.OrderBy(e => e.Sequence)
            .Select(e => new EventDto(e.Id, e.Sequence, e.Type, e.OccurredAt, e.ActorUserId,
                dir.Agencies.TryGetValue(e.ActorAgencyId, out var agency) ? agency.Code : Actor.SystemName, e.Message))
            .ToList(),
        RequestStateMachine.AllowedActions(r, viewer));

    public static DeadlineDto ToDto(RequestDeadline d, Request r, Actor viewer, DirectoryCache.DirectorySnapshot dir, Instant now)
    {
        var viewerParty = dir.Parties[viewer.PartyId];
        var counterpart = dir.Parties[viewer.PartyId == r.FromPartyId ? r.ToPartyId : r.FromPartyId];
        var due = d.DueAt is { } at ? Instant.FromDateTimeUtc(at) : (Instant?)null;
        long? secondsLeft = d.State != DeadlineState.Pending ? null
            : due is { } dueAt ? (long)Math.Floor((dueAt - now).TotalSeconds)
            : (long?)d.RemainingWhenPaused?.TotalSeconds;
        return new DeadlineDto(
            d.Kind, DeadlineCalculator.EffectiveState(d.State, due, now), d.DueAt,
            d.State == DeadlineState.Pending && d.DueAt is null, secondsLeft, d.CompletedAt,
            ZonedTime.In(viewer.TimeZone ?? viewerParty.TimeZone, d.DueAt),
            ZonedTime.In(counterpart.TimeZone, d.DueAt),
            d.State == DeadlineState.Pending && d.AtRiskAt is { } atRisk && Instant.FromDateTimeUtc(DateTime.SpecifyKind(atRisk, DateTimeKind.Utc)) <= now);
    }

    private static PartyRef Party(Party p) => new(p.Code, p.Name, p.TimeZone);

    private static AgencyRef Agency(Agency a) => new(a.Id, a.Code, a.Name);
}
