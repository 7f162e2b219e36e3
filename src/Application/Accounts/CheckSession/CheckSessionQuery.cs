using Mediator;

namespace Ent77.Application.Accounts.CheckSession;

/// <summary>Whether the session a cookie names may go on (asked on every authenticated request).</summary>
public sealed record CheckSessionQuery(Guid SessionId, Guid AccountId, string SecurityStamp) : IQuery<bool>;
