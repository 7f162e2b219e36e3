using Mediator;

namespace Ent77.Application.Accounts.SignOut;

/// <summary>The person closed their session: its row is deleted (a copy of the cookie is dead at once), and it is audited.</summary>
public sealed record SignOutCommand(Guid? AccountId, Guid? SessionId) : ICommand<Unit>;
