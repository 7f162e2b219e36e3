using System.Collections.Concurrent;
using Ent77.Application.Accounts;

namespace Ent77.Infrastructure.Persistence;

/// <summary>
/// The session checks' short memory (ARCHITECTURE "Session checks"): an account's status and security stamp, kept
/// for <see cref="Lifetime"/> and used only for a session that presents that very stamp (any other stamp reads the
/// database). <see cref="Repositories.UnitOfWork"/> forgets an account as soon as a change to it is committed in this
/// process, so a block or a password change here ends the other sessions at once; a change made by another process
/// sharing the database is seen within <see cref="Lifetime"/> (the design asks for at least every minute).
/// </summary>
public sealed class SessionStateCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>Beyond this many accounts the cache starts again empty (a bound on memory, not a policy).</summary>
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private long _generation;

    /// <summary>Taken before reading the database; a <see cref="Store"/> after any invalidation since is dropped.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(Guid accountId, string presentedStamp, out AccountSessionState state)
    {
        if (_entries.TryGetValue(accountId, out var entry) && entry.Expires > time.GetUtcNow()
            && string.Equals(entry.State.SecurityStamp, presentedStamp, StringComparison.Ordinal))
        {
            state = entry.State;
            return true;
        }

        state = null!;
        return false;
    }

    public void Store(Guid accountId, AccountSessionState state, long generationBeforeRead)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        var entry = new Entry(state, time.GetUtcNow() + Lifetime);
        _entries[accountId] = entry;

        // A change committed while the state was being read: the state may be the old one, forget it.
        if (Generation != generationBeforeRead)
        {
            _entries.TryRemove(new KeyValuePair<Guid, Entry>(accountId, entry));
        }
    }

    public void Invalidate(IReadOnlyCollection<Guid> accountIds)
    {
        if (accountIds.Count == 0)
        {
            return;
        }

        Interlocked.Increment(ref _generation);
        foreach (var id in accountIds)
        {
            _entries.TryRemove(id, out _);
        }
    }

    private sealed record Entry(AccountSessionState State, DateTimeOffset Expires);
}
