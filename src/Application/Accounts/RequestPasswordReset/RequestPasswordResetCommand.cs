using Ent77.Application.Common.Behaviours;
using Mediator;

namespace Ent77.Application.Accounts.RequestPasswordReset;

/// <summary>« Mot de passe oublié » by identifier. Always accepted the same way, whatever the account.</summary>
public sealed record RequestPasswordResetCommand(string? Identifier, string? Channel) : ICommand<Unit>, IRetryOnConcurrencyConflict;
