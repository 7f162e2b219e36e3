using Ent77.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Ent77.Infrastructure.Persistence.Repositories;

internal sealed class SessionRepository(Ent77DbContext db) : Application.Accounts.Sessions.ISessionRepository
{
    public void Add(Session session) => db.Sessions.Add(session);

    public Task<Session?> FindAsync(SessionId id, CancellationToken cancellationToken) =>
        db.Sessions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    public async Task EndAllAsync(AccountId accountId, SessionId? except, CancellationToken cancellationToken)
    {
        // Loaded and removed through the change tracker: deleted in the unit of work's transaction, with the change
        // that ends them (a handful of rows per account).
        var sessions = await db.Sessions.Where(s => s.AccountId == accountId).ToListAsync(cancellationToken);
        db.Sessions.RemoveRange(sessions.Where(s => except is null || s.Id != except.Value));
    }

    public void Remove(Session session) => db.Sessions.Remove(session);

    public async Task<IReadOnlyList<Session>> ListLiveAsync(AccountId accountId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Sessions.AsNoTracking()
            .Where(s => s.AccountId == accountId && s.ExpiresAt > now)
            .OrderByDescending(s => s.LastSeenAt).ThenByDescending(s => s.CreatedAt)
            .ToListAsync(cancellationToken);

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Sessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
}
