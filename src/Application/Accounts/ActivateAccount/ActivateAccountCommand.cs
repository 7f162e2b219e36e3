using Ent77.Application.Common.Behaviours;
using Ent77.Application.Accounts.Common;
using Mediator;

namespace Ent77.Application.Accounts.ActivateAccount;

public sealed record ActivateAccountCommand(
    string? Identifier,
    string? ActivationCode,
    string? Password,
    string? PasswordConfirmation,
    string? Email,
    string? MobilePhone,
    bool AcceptTerms,
    bool RememberMe) : ICommand<AuthResult>, IRetryOnConcurrencyConflict;
