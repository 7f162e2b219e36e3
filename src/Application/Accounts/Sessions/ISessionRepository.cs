using Ent77.Domain.Accounts;

namespace Ent77.Application.Accounts.Sessions;

/// <summary>The sessions of accounts, as aggregates (opened, ended within the current unit of work).</summary>
public interface ISessionRepository
{
    void Add(Session session);

    Task<Session?> FindAsync(SessionId id, CancellationToken cancellationToken);

    /// <summary>Ends (deletes, with the unit of work) every session of the account but <paramref name="except"/>.</summary>
    Task EndAllAsync(AccountId accountId, SessionId? except, CancellationToken cancellationToken);

    void Remove(Session session);

    /// <summary>The account's live sessions, most recently used first.</summary>
    Task<IReadOnlyList<Session>> ListLiveAsync(AccountId accountId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes the sessions that ended before <paramref name="now"/>; returns how many.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
