using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using Parley.Data;

namespace Parley.Directory;

/// Parties, agencies and mechanisms in memory: small, read on every request, rarely written.
/// Every write to the directory calls <see cref="Invalidate"/>.
public sealed class DirectoryCache
{
    private CancellationTokenSource _generation = new();
    private volatile DirectorySnapshot? _snapshot;

    public sealed record DirectorySnapshot(
        IReadOnlyDictionary<Guid, Party> Parties,
        IReadOnlyDictionary<Guid, Agency> Agencies,
        IReadOnlyDictionary<Guid, Mechanism> Mechanisms);

    public IChangeToken ChangeToken => new CancellationChangeToken(_generation.Token);

    public async Task<DirectorySnapshot> GetAsync(ParleyDbContext db, CancellationToken ct)
    {
        if (_snapshot is { } snapshot) return snapshot;
        var generation = _generation;
        var parties = await db.Parties.AsNoTracking().ToDictionaryAsync(p => p.Id, ct);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, ct);
        var mechanisms = await db.Mechanisms.AsNoTracking().Include(m => m.Parties).ToDictionaryAsync(m => m.Id, ct);
        snapshot = new DirectorySnapshot(parties, agencies, mechanisms);
        // A write that landed while we were reading makes this snapshot stale: use it once, do not keep it.
        if (ReferenceEquals(generation, _generation)) _snapshot = snapshot;
        return snapshot;
    }

    public void Invalidate()
    {
        _snapshot = null;
        var old = Interlocked.Exchange(ref _generation, new CancellationTokenSource());
        old.Cancel();
        old.Dispose();
    }
}
