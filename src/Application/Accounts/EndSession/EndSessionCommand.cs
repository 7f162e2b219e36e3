using Mediator;

namespace Ent77.Application.Accounts.EndSession;

/// <summary>Ends one of the person's own sessions (a school computer left signed in, from home).</summary>
public sealed record EndSessionCommand(Guid AccountId, Guid SessionId) : ICommand<Unit>;
