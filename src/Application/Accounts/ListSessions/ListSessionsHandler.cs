using Ent77.Application.Accounts.Sessions;
using Ent77.Domain.Accounts;
using Mediator;

namespace Ent77.Application.Accounts.ListSessions;

public sealed class ListSessionsHandler(ISessionRepository sessions, TimeProvider time) : IQueryHandler<ListSessionsQuery, IReadOnlyList<SessionDto>>
{
    public async ValueTask<IReadOnlyList<SessionDto>> Handle(ListSessionsQuery query, CancellationToken cancellationToken)
    {
        var live = await sessions.ListLiveAsync(new AccountId(query.AccountId), time.GetUtcNow(), cancellationToken);
        return live
            .Select(s => new SessionDto(s.Id.Value, s.CreatedAt, s.LastSeenAt, s.ExpiresAt, s.RememberMe, s.Device, s.Id.Value == query.CurrentSessionId))
            .ToList();
    }
}
