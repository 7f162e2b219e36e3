using Ent77.Application.Common.Behaviours;
using Ent77.Domain.Accounts;
using Mediator;

namespace Ent77.Application.Accounts.ConfirmPasswordReset;

/// <summary>
/// A new password with the secret of a reset message: the token of the e-mail link, or with
/// <paramref name="Identifier"/> the 6-digit SMS code.
/// </summary>
public sealed record ConfirmPasswordResetCommand(string? Token, string? Password, string? PasswordConfirmation, string? Identifier = null)
    : ICommand<PasswordResetOutcome>, IRetryOnConcurrencyConflict;
