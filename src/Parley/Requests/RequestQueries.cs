using Microsoft.EntityFrameworkCore;
using Parley.Data;

namespace Parley.Requests;

public static class RequestQueries
{
    /// A request with its timeline, by id or by reference (US-CN-2026-0042).
    public static Task<Request?> FindAsync(ParleyDbContext db, string idOrReference, CancellationToken ct)
    {
        var query = db.Requests.Include(r => r.Events).Include(r => r.Indicators).Include(r => r.Deadlines).AsSplitQuery();
        return Guid.TryParse(idOrReference, out var id)
            ? query.SingleOrDefaultAsync(r => r.Id == id, ct)
            : query.SingleOrDefaultAsync(r => r.Reference == idOrReference.ToUpperInvariant(), ct);
    }
}
