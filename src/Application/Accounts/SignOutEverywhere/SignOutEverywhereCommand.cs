using Mediator;

namespace Ent77.Application.Accounts.SignOutEverywhere;

/// <summary>Ends every session of the person, the current one included.</summary>
public sealed record SignOutEverywhereCommand(Guid AccountId) : ICommand<Unit>;
