using System.Security.Cryptography;
using System.Text;
using Parley.Actors;

namespace Parley.Incidents;

/// Creates, replaces and merges incidents from drafts; owns the stable key.
public static class IncidentWriter
{
    /// "id:" and the source's own id when it has one; otherwise a hash of the title (compared as
    /// <see cref="NameKey"/>) and the first-seen date, so the same row imported twice is one incident.
    public static string KeyOf(IncidentDraft draft)
    {
        if (draft.SourceId is { } id) return "id:" + id;
        var text = NameKey.Of(draft.Title) + "|" + draft.FirstSeen;
        return "h:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..40];
    }

    public static Incident Create(IncidentDraft draft, DateTime now)
    {
        var incident = new Incident { Id = Guid.CreateVersion7(now), Key = KeyOf(draft), Title = draft.Title, CreatedAt = now };
        Replace(incident, draft, now);
        return incident;
    }

    /// Makes the incident exactly the draft (PUT); the key stays.
    public static void Replace(Incident incident, IncidentDraft draft, DateTime now)
    {
        incident.Title = draft.Title;
        incident.Description = draft.Description;
        incident.FirstSeenDate = draft.FirstSeen;
        foreach (var f in incident.Facets) (f.FirstSeen, f.FirstSeenYear, f.FirstSeenMonth) = (incident.FirstSeen, incident.FirstSeenYear, incident.FirstSeenMonth);
        incident.ReportedDate = draft.Reported;
        incident.Confidence = draft.Confidence;
        incident.AttributedBy = draft.AttributedBy;
        incident.UpdatedAt = now;
        var facets = draft.Facets.Concat(SponsorVictimPairs.For(draft.Facets)).ToHashSet();
        incident.Facets.RemoveAll(f => !facets.Contains((f.Kind, f.Value)));
        AddFacets(incident, facets);
        incident.Sources.RemoveAll(s => !draft.Sources.Contains((s.Url, s.Title)));
        AddSources(incident, draft, now);
        incident.Requests.RemoveAll(r => !draft.RequestIds.Contains(r.RequestId));
        foreach (var id in draft.RequestIds.Where(id => incident.Requests.All(r => r.RequestId != id)))
            incident.Requests.Add(new IncidentRequestLink { IncidentId = incident.Id, RequestId = id });
        incident.Breaches.RemoveAll(b => draft.Breaches.All(d => d.CommitmentId != b.CommitmentId));
        foreach (var (commitmentId, note) in draft.Breaches)
        {
            var breach = incident.Breaches.FirstOrDefault(b => b.CommitmentId == commitmentId);
            if (breach is null) incident.Breaches.Add(new IncidentBreach { IncidentId = incident.Id, CommitmentId = commitmentId, Note = note });
            else breach.Note = note;
        }
    }

    /// Adds what a re-imported row knows and the incident does not; never removes anything.
    /// True when something changed.
    public static bool Merge(Incident incident, IncidentDraft draft, DateTime now)
    {
        var before = (incident.Facets.Count, incident.Sources.Count, incident.Description, incident.Confidence, incident.AttributedBy, incident.Reported);
        incident.Description ??= draft.Description;
        incident.Confidence ??= draft.Confidence;
        incident.AttributedBy ??= draft.AttributedBy;
        if (incident.Reported is null) incident.ReportedDate = draft.Reported;
        AddFacets(incident, draft.Facets);
        AddFacets(incident, SponsorVictimPairs.For(incident.Facets.Select(f => (f.Kind, f.Value))).ToList());
        AddSources(incident, draft, now);
        var changed = before != (incident.Facets.Count, incident.Sources.Count, incident.Description, incident.Confidence, incident.AttributedBy, incident.Reported);
        if (changed) incident.UpdatedAt = now;
        return changed;
    }

    private static void AddFacets(Incident incident, IEnumerable<(FacetKind Kind, string Value)> facets)
    {
        foreach (var (kind, value) in facets)
            if (!incident.Facets.Any(f => f.Kind == kind && f.Value == value))
                incident.Facets.Add(new IncidentFacet
                {
                    IncidentId = incident.Id, Kind = kind, Value = value,
                    FirstSeen = incident.FirstSeen, FirstSeenYear = incident.FirstSeenYear, FirstSeenMonth = incident.FirstSeenMonth,
                });
    }

    private static void AddSources(Incident incident, IncidentDraft draft, DateTime now)
    {
        foreach (var (url, title) in draft.Sources)
            if (!incident.Sources.Any(s => s.Url == url && s.Title == title))
                incident.Sources.Add(new IncidentSource { Id = Guid.CreateVersion7(now), IncidentId = incident.Id, Url = url, Title = title });
    }
}
