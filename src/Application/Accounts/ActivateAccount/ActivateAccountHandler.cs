using Ent77.Application.Accounts.Common;
using Ent77.Application.Common;
using Ent77.Application.Common.Ports;
using Ent77.Application.Notifications;
using Ent77.Application.Terms;
using Ent77.Domain.Accounts;
using Ent77.Domain.Accounts.Passwords;
using Ent77.Domain.Auditing;
using Mediator;
using Microsoft.Extensions.Options;

namespace Ent77.Application.Accounts.ActivateAccount;

/// <summary>
/// Activates a pending account with its live code. An unknown identifier, a wrong, expired or used
/// code and a locked account all give the same failure; a wrong code counts toward the lockout.
/// A welcome e-mail with a link that confirms the address goes out once the activation is committed.
/// </summary>
public sealed class ActivateAccountHandler(
    IAccountRepository accounts,
    ITermsRepository terms,
    IPasswordHasher passwordHasher,
    IActivationCodeHasher codeHasher,
    PasswordPolicy policy,
    AccountViewReader views,
    IAuditLog audit,
    IRecoverySecrets secrets,
    INotificationOutbox outbox,
    IOptions<AccountRulesOptions> rules,
    IOptions<RecoveryOptions> recovery,
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
            audit.Record(AuditEvent.Record(AuditTypes.ActivationFailed, now, account?.Id.Value, account?.EstablishmentId.Value));
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
        var confirmation = secrets.NewLinkToken();
        account.StartEmailConfirmation(confirmation.Hash, now, recovery.Value.EmailConfirmationLifetime);
        outbox.Enqueue(Messages.Welcome(account, confirmation.Secret));
        audit.Record(AuditEvent.Record(AuditTypes.AccountActivated, now, account.Id.Value, account.EstablishmentId.Value, details: $"CGU {currentTerms.Version}"));
        return await views.SignedInAsync(account, cancellationToken);
    }
}
