using System.Collections.Concurrent;
using Ent77.Application.Accounts.Sessions;
using Ent77.Domain.Accounts;
using Microsoft.Extensions.Options;

namespace Ent77.Infrastructure.Persistence.Sessions;

/// <summary>
/// Checked sessions kept in memory by one instance (docs/PERFORMANCE.md "Session check"), so that most requests do not
/// read their session row. It answers only while this instance's <see cref="SessionRevocationListener"/> is connected
/// and listening: every revocation committed anywhere (a session row deleted, an account's stamp or status changed)
/// sends a notification in its own transaction, and the listener drops what it names. While the listener is down the
/// cache is off and empty (every request reads the database), and it comes back empty.
/// <para>
/// A read that raced a revocation is never stored: every notification moves <see cref="Generation"/>, and an entry is
/// kept only when no notification arrived between the start of its read and its storing. Entries also end after
/// <see cref="SessionCacheOptions.CacheLifetime"/>, and one whose session has reached its recorded end is read again
/// (another instance may have extended it).
/// </para>
/// </summary>
public sealed class SessionCheckCache(IOptions<SessionCacheOptions> options, TimeProvider time)
{
    /// <summary>Above this many entries the cache starts afresh (a bound on memory, not a policy).</summary>
    public const int MaxEntries = 200_000;

    private readonly ConcurrentDictionary<SessionId, Entry> _entries = new();
    private readonly TimeSpan _lifetime = options?.Value.CacheLifetime ?? throw new ArgumentNullException(nameof(options));
    private long _generation;
    private volatile bool _enabled;

    /// <summary>True while revocations reach this instance (its listener is connected and listening).</summary>
    public bool Enabled => _enabled;

    /// <summary>Moves at every notification, and when the cache is turned on or off.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public int Count => _entries.Count;

    public bool TryGet(SessionId id, out SessionCheck check)
    {
        check = null!;
        if (!_enabled || !_entries.TryGetValue(id, out var entry))
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (now - entry.StoredAt >= _lifetime || !entry.Check.Session.IsLive(now))
        {
            _entries.TryRemove(new KeyValuePair<SessionId, Entry>(id, entry));
            return false;
        }

        check = entry.Check;
        return true;
    }

    /// <summary>Stores a check read from the database when nothing was revoked since <paramref name="generationBeforeRead"/>.</summary>
    public void Put(SessionCheck check, long generationBeforeRead)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (!_enabled || Generation != generationBeforeRead)
        {
            return;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        var entry = new Entry(check, time.GetUtcNow());
        _entries[check.Session.Id] = entry;

        // A notification that came between the test above and the store: its removal may have run before the store.
        if (Generation != generationBeforeRead || !_enabled)
        {
            _entries.TryRemove(new KeyValuePair<SessionId, Entry>(check.Session.Id, entry));
        }
    }

    /// <summary>This instance changed the session's row (its activity): the next request reads it again.</summary>
    public void Forget(SessionId id) => _entries.TryRemove(id, out _);

    /// <summary>
    /// A revocation notification: <c>s:&lt;session id&gt;</c> (a session row deleted), <c>a:&lt;account id&gt;</c> (an account's
    /// stamp or status changed, or the account removed), anything else drops everything.
    /// </summary>
    public void Revoke(string? payload)
    {
        Interlocked.Increment(ref _generation);
        if (payload is { Length: > 2 } && payload[1] == ':' && Guid.TryParse(payload.AsSpan(2), out var id))
        {
            switch (payload[0])
            {
                case 's':
                    _entries.TryRemove(new SessionId(id), out _);
                    return;
                case 'a':
                    DropAccount(new AccountId(id));
                    return;
            }
        }

        _entries.Clear();
    }

    /// <summary>
    /// What this instance has just committed: dropped here at once, before the next request, without waiting for its own
    /// notification to come back (which the other instances wait for).
    /// </summary>
    public void Revoke(IReadOnlyCollection<SessionId> sessions, IReadOnlyCollection<AccountId> accounts)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(accounts);
        if (sessions.Count == 0 && accounts.Count == 0)
        {
            return;
        }

        Interlocked.Increment(ref _generation);
        foreach (var session in sessions)
        {
            _entries.TryRemove(session, out _);
        }

        foreach (var account in accounts)
        {
            DropAccount(account);
        }
    }

    private void DropAccount(AccountId account)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.Check.Session.AccountId == account)
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    /// <summary>The listener listens: from now on every revocation reaches this instance. Starts empty.</summary>
    public void Enable()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
        _enabled = true;
    }

    /// <summary>The listener lost its connection: revocations may be missed, so nothing is answered from memory.</summary>
    public void Disable()
    {
        _enabled = false;
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    private sealed record Entry(SessionCheck Check, DateTimeOffset StoredAt);
}
