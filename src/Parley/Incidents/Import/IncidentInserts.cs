using Parley.Data;

namespace Parley.Incidents.Import;

/// New incidents of an import, written with prepared INSERTs (with their facets, sources and links)
/// instead of through change tracking: on big files that is most of the time spent.
public sealed class IncidentInserts(ParleyDbContext db)
{
    private readonly BulkInsert<Incident> _incidents = new(db);
    private readonly BulkInsert<IncidentFacet> _facets = new(db);
    private readonly BulkInsert<IncidentSource> _sources = new(db);
    private readonly BulkInsert<IncidentRequestLink> _requests = new(db);
    private readonly BulkInsert<IncidentBreach> _breaches = new(db);

    public async Task AddAsync(ParleyDbContext context, IReadOnlyList<Incident> incidents, CancellationToken ct)
    {
        if (incidents.Count == 0) return;
        await _incidents.InsertAsync(context, incidents, ct);
        await _facets.InsertAsync(context, incidents.SelectMany(i => i.Facets).ToList(), ct);
        await _sources.InsertAsync(context, incidents.SelectMany(i => i.Sources).ToList(), ct);
        await _requests.InsertAsync(context, incidents.SelectMany(i => i.Requests).ToList(), ct);
        await _breaches.InsertAsync(context, incidents.SelectMany(i => i.Breaches).ToList(), ct);
    }
}
