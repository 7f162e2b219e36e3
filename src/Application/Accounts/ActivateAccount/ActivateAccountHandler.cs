using Ent77.Application.Accounts.Common;
using Ent77.Application.Common;
using Ent77.Application.Common.Ports;
using Ent77.Application.Terms;
using Ent77.Domain.Accounts;
using Ent77.Domain.Accounts.Passwords;
using Mediator;
using Microsoft.Extensions.Options;

namespace Ent77.Application.Accounts.ActivateAccount;

/// <summary>
/// Activates a pending account with its live code. An unknown identifier, a wrong, expired or used
/// code and a locked account all give the same failure (<see cref="ActivationFailed"/>); a wrong code counts toward the
/// lockout. What follows an activation (its audit row, the welcome e-mail that confirms the address) is done by the
/// handlers of <see cref="Domain.Accounts.Events.AccountActivated"/>.
/// </summary>
public sealed class ActivateAccountHandler(
    IAccountRepository accounts,
    ITermsRepository terms,
    IPasswordHasher passwordHasher,
    IActivationCodeHasher codeHasher,
    PasswordPolicy policy,
    AccountViewReader views,
    IPublisher publisher,
    IOptions<AccountRulesOptions> rules,
    TimeProvider time) : ICommandHandler<ActivateAccountCommand, AuthResult>
{
    public async ValueTask<AuthResult> Handle(ActivateAccountCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var codeHash = ActivationCodeValue.TryParse(command.ActivationCode, out var code) ? codeHasher.Hash(code) : null;
        var account = Identifier.TryParse(command.Identifier, out var identifier)
            ? await accounts.FindByIdentifierAsync(identifier, cancellationToken)
            : null;

        if (account is null || codeHash is null || !account.CanActivateWith(codeHash, now))
        {
            account?.RecordFailedActivation(rules.Value.Lockout, now);
            await publisher.Publish(new ActivationFailed(account?.Id.Value, account?.EstablishmentId?.Value, now), cancellationToken);
            return AuthResult.Failed;
        }

        var currentTerms = await terms.GetCurrentAsync(cancellationToken);
        EmailAddress.TryCreate(command.Email, out var email);
        var mobile = MobilePhone.Parse(command.MobilePhone).Phone;
        account.Activate(
            new ActivationDetails(codeHash, command.Password!, email!, mobile, currentTerms.Version),
            policy,
            passwordHasher,
            now);
        return await views.SignedInAsync(account, command.RememberMe, command.UserAgent, cancellationToken);
    }
}
