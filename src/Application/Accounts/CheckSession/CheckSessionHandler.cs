using Ent77.Application.Accounts.Sessions;
using Ent77.Domain.Accounts;
using Mediator;

namespace Ent77.Application.Accounts.CheckSession;

/// <summary>
/// A session goes on while its row exists and has not expired, belongs to the account the cookie names, and that
/// account is active with the security stamp the cookie carries. Its activity is written down at most once a
/// minute (<see cref="SessionPolicy.ActivityResolution"/>), which also moves a browser session's idle end.
/// </summary>
public sealed class CheckSessionHandler(ISessionChecks checks, TimeProvider time) : IQueryHandler<CheckSessionQuery, bool>
{
    public async ValueTask<bool> Handle(CheckSessionQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var found = await checks.FindAsync(new SessionId(query.SessionId), cancellationToken);
        if (found is not { AccountStatus: AccountStatus.Active } || found.Session.AccountId.Value != query.AccountId
            || !found.Session.IsLive(now) || !string.Equals(found.SecurityStamp, query.SecurityStamp, StringComparison.Ordinal))
        {
            return false;
        }

        if (found.Session.RecordActivity(SessionPolicy.Default, now))
        {
            await checks.SaveActivityAsync(found.Session, cancellationToken);
        }

        return true;
    }
}
