using Ent77.Application.Administration.Access;
using Mediator;

namespace Ent77.Application.Administration.SetAccountBlocked;

/// <summary>
/// Blocks (true) or unblocks (false) an account within the administrator's reach. A block ends every session of the
/// account (their rows are deleted) and kills its live activation code.
/// </summary>
public sealed record SetAccountBlockedCommand(Actor Actor, Guid AccountId, bool Blocked) : ICommand<Unit>, IAccountAdministrationRequest;
