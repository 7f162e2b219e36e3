using Ent77.Domain.Accounts;

namespace Ent77.Application.Accounts.Sessions;

/// <summary>
/// The check run on every authenticated request, behind one port: the implementation reads the database each time
/// (a revoked session must be refused at once, on every instance); a cache may be slotted in here if it is
/// invalidated across instances.
/// </summary>
public interface ISessionChecks
{
    Task<SessionCheck?> FindAsync(SessionId id, CancellationToken cancellationToken);

    /// <summary>Writes down the session's last activity and its new end (see <see cref="Session.RecordActivity"/>).</summary>
    Task SaveActivityAsync(Session session, CancellationToken cancellationToken);
}
