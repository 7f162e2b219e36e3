using Ent77.Application.Common.Behaviours;
using Ent77.Application.Accounts.Common;
using Mediator;

namespace Ent77.Application.Accounts.SignIn;

/// <summary>Identifier and what was typed in the password field: a personal password or an activation code.</summary>
public sealed record SignInCommand(string? Identifier, string? Password, bool RememberMe) : ICommand<AuthResult>, IRetryOnConcurrencyConflict;
