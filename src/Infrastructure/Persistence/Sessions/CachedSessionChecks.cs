using Ent77.Application.Accounts.Sessions;
using Ent77.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Ent77.Infrastructure.Persistence.Sessions;

/// <summary>
/// The session check with <see cref="SessionCheckCache"/> in front of the database (PostgreSQL): a hit costs no query;
/// a miss reads the row as <see cref="Repositories.SessionChecks"/> does and stores it, unless a revocation came
/// meanwhile. Each caller gets a session of its own (the check may record its activity on it).
/// </summary>
internal sealed class CachedSessionChecks(Repositories.SessionChecks inner, SessionCheckCache cache, Ent77DbContext db) : ISessionChecks
{
    public async Task<SessionCheck?> FindAsync(SessionId id, CancellationToken cancellationToken)
    {
        if (cache.TryGet(id, out var hit))
        {
            return hit with { Session = Copy(hit.Session) };
        }

        var generation = cache.Generation;
        var found = await inner.FindAsync(id, cancellationToken);
        if (found is not null)
        {
            cache.Put(found with { Session = Copy(found.Session) }, generation);
        }

        return found;
    }

    public async Task SaveActivityAsync(Session session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await inner.SaveActivityAsync(session, cancellationToken);
        cache.Forget(session.Id);
    }

    /// <summary>A detached copy with the same values, made by EF Core's own materialiser (the aggregate has no public constructor).</summary>
    private Session Copy(Session session) => (Session)db.Entry(session).CurrentValues.ToObject();
}
