using System.Collections.Concurrent;

namespace Parley.Identity;

/// API tokens found valid in the database in the last few seconds, so that a client polling TAXII
/// does not cost a token look-up on every request. Revoking a token or changing a user through this
/// server forgets them all at once (<see cref="Forget"/>); a change made by another process on the same
/// database (`parley token revoke`, `parley user …`) takes effect within <see cref="Lifetime"/>.
public sealed class VerifiedTokens(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    /// What the look-up found: the token, its user (detached, read-only) and the user's party.
    public sealed record Verified(Guid TokenId, TokenScopes Scopes, DateTime ExpiresAt, DateTime? LastUsedAt, User User, Guid PartyId);

    private sealed record Entry(Verified Token, DateTime Until);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    /// Taken before a look-up: what was read is remembered only if nothing was forgotten meanwhile,
    /// so a revocation that lands during the look-up is not undone by it.
    public long Generation => Interlocked.Read(ref _generation);

    public Verified? Find(byte[] hash)
    {
        var key = Convert.ToBase64String(hash);
        if (!_entries.TryGetValue(key, out var entry)) return null;
        if (entry.Until > time.GetUtcNow().UtcDateTime) return entry.Token;
        _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
        return null;
    }

    public void Remember(byte[] hash, Verified token, long generation)
    {
        if (generation != Generation) return;
        var now = time.GetUtcNow().UtcDateTime;
        // Entries of tokens no longer used would otherwise stay until the next Forget.
        if (_entries.Count >= 1_000)
            foreach (var stale in _entries.Where(e => e.Value.Until <= now)) _entries.TryRemove(stale);
        _entries[Convert.ToBase64String(hash)] = new Entry(token, now + Lifetime);
    }

    /// The last use just written, so the next one is written a minute later, not on every request.
    public void Used(byte[] hash, DateTime at)
    {
        var key = Convert.ToBase64String(hash);
        if (_entries.TryGetValue(key, out var entry))
            _entries.TryUpdate(key, entry with { Token = entry.Token with { LastUsedAt = at } }, entry);
    }

    /// After a token was revoked or a user's roles, agency or state changed.
    public void Forget()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }
}
