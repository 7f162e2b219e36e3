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
    bool RememberMe,
    string? UserAgent = null) : ICommand<AuthResult>, IRetryOnConcurrencyConflict, IAnswersALostRace<AuthResult>
{
    /// <summary>A race lost again and again ends as the ordinary failure (never a 409 that only a known account gets).</summary>
    public AuthResult LostRaceAnswer => AuthResult.Failed;
}
