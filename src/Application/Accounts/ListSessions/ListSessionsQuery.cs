using Mediator;

namespace Ent77.Application.Accounts.ListSessions;

/// <summary>The signed-in person's live sessions, the current one marked.</summary>
public sealed record ListSessionsQuery(Guid AccountId, Guid CurrentSessionId) : IQuery<IReadOnlyList<SessionDto>>;
