using Ent77.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Ent77.Infrastructure.Persistence.Repositories;

/// <summary>
/// The per-request session check: one query joining the session row to its account's status and stamp, never cached
/// (a session ended on one instance is refused by every other at its next request). Activity is written with one
/// UPDATE of that row, at most once a minute per session.
/// </summary>
internal sealed class SessionChecks(Ent77DbContext db, SqliteWriteGate writeGate) : Application.Accounts.Sessions.ISessionChecks
{
    /// <summary>Compiled once: the query runs on every authenticated request (docs/PERFORMANCE.md "Session check").</summary>
    private static readonly Func<Ent77DbContext, SessionId, CancellationToken, Task<Application.Accounts.Sessions.SessionCheck?>> Find =
        EF.CompileAsyncQuery((Ent77DbContext db, SessionId id, CancellationToken _) => db.Sessions.AsNoTracking()
            .Where(s => s.Id == id)
            .Join(db.Accounts, s => s.AccountId, a => a.Id, (s, a) => new Application.Accounts.Sessions.SessionCheck(s, a.Status, a.SecurityStamp))
            .SingleOrDefault());

    public Task<Application.Accounts.Sessions.SessionCheck?> FindAsync(SessionId id, CancellationToken cancellationToken) =>
        Find(db, id, cancellationToken);

    public async Task SaveActivityAsync(Session session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        using var writing = await writeGate.EnterAsync(db, cancellationToken);
        await db.Sessions
            .Where(s => s.Id == session.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastSeenAt, session.LastSeenAt).SetProperty(s => s.ExpiresAt, session.ExpiresAt), cancellationToken);
    }
}
