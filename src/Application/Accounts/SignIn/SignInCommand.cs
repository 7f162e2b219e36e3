using Ent77.Application.Common.Behaviours;
using Ent77.Application.Accounts.Common;
using Mediator;

namespace Ent77.Application.Accounts.SignIn;

/// <summary>
/// Identifier and what was typed in the password field: a personal password or an activation code.
/// <paramref name="UserAgent"/> only gives the session its short device label.
/// </summary>
public sealed record SignInCommand(string? Identifier, string? Password, bool RememberMe, string? UserAgent = null)
    : ICommand<AuthResult>, IRetryOnConcurrencyConflict, IAnswersALostRace<AuthResult>
{
    /// <summary>A race lost again and again ends as the ordinary failure: a 409 only a known account could get would tell it exists.</summary>
    public AuthResult LostRaceAnswer => AuthResult.Failed;
}
