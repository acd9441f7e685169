using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Parley.Data;
using Parley.Directory;

namespace Parley.Deadlines;

/// The policy and clock that govern a request, cached because every transition needs them and the
/// directory rarely changes; entries expire when the directory does.
public sealed class DeadlineRules(IMemoryCache cache, DirectoryCache directory)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public sealed record Rule(TimelinePolicy Policy, IDeadlineClock Clock, Party RespondingParty);

    public async Task<Rule?> ForAsync(ParleyDbContext db, Guid mechanismId, Priority priority, Guid respondingPartyId, CancellationToken ct)
    {
        var key = (mechanismId, priority, respondingPartyId);
        if (cache.TryGetValue(key, out Rule? rule)) return rule;

        var policy = await db.TimelinePolicies.AsNoTracking()
            .SingleOrDefaultAsync(p => p.MechanismId == mechanismId && p.Priority == priority, ct);
        var party = await db.Parties.AsNoTracking().Include(p => p.CalendarDays)
            .SingleOrDefaultAsync(p => p.Id == respondingPartyId, ct);
        rule = policy is null || party is null ? null : new Rule(policy, DeadlineClocks.For(policy.Clock, party), party);
        var options = new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime };
        options.AddExpirationToken(directory.ChangeToken);
        cache.Set(key, rule, options);
        return rule;
    }
}
