using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Identity;

namespace Parley.Requests;

public static class RequestQueries
{
    /// A request the caller can see, with its timeline, by id or by reference (US-CN-2026-0042); null when
    /// it does not exist or is not the caller's to see — both cost the same one statement.
    public static Task<Request?> FindAsync(ParleyDbContext db, string idOrReference, Actor actor, CancellationToken ct)
    {
        var query = db.Requests.Where(RequestVisibility.For(actor))
            .Include(r => r.Events).Include(r => r.Indicators).Include(r => r.Deadlines).AsSplitQuery();
        return Guid.TryParse(idOrReference, out var id)
            ? query.SingleOrDefaultAsync(r => r.Id == id, ct)
            : query.SingleOrDefaultAsync(r => r.Reference == idOrReference.ToUpperInvariant(), ct);
    }
}
