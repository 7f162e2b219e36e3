using Ent77.Application.Accounts.Common;
using Ent77.Application.Common;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Accounts;
using Ent77.Domain.Auditing;
using Mediator;
using Microsoft.Extensions.Options;

namespace Ent77.Application.Accounts.SignIn;

/// <summary>
/// Signs in with a personal password, or recognises a pending account's live activation code.
/// Every failure (unknown identifier, wrong secret, expired code, locked or blocked account) returns
/// the same result after the same hashing work: one password verification and one code HMAC.
/// </summary>
public sealed class SignInHandler(
    IAccountRepository accounts,
    IPasswordHasher passwordHasher,
    IActivationCodeHasher codeHasher,
    AccountViewReader views,
    IAuditLog audit,
    IOptions<AccountRulesOptions> rules,
    TimeProvider time) : ICommandHandler<SignInCommand, AuthResult>
{
    public async ValueTask<AuthResult> Handle(SignInCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var secret = command.Password!;
        var codeHash = ActivationCodeValue.TryParse(secret, out var code) ? codeHasher.Hash(code) : null;
        var account = Identifier.TryParse(command.Identifier, out var identifier)
            ? await accounts.FindByIdentifierAsync(identifier, cancellationToken)
            : null;

        if (account is null)
        {
            passwordHasher.Verify(passwordHasher.DummyHash, secret);
            audit.Record(AuditEvent.Record(AuditTypes.SignInFailed, now, details: "identifiant inconnu"));
            return AuthResult.Failed;
        }

        var result = account.SignIn(secret, codeHash, passwordHasher, rules.Value.Lockout, now);
        if (account.DomainEvents.OfType<AccountLockedOut>().Any())
        {
            audit.Record(AuditEvent.Record(AuditTypes.AccountLockedOut, now, account.Id.Value, account.EstablishmentId.Value));
        }

        switch (result)
        {
            case SignInResult.SignedIn:
                audit.Record(AuditEvent.Record(AuditTypes.SignInSucceeded, now, account.Id.Value, account.EstablishmentId.Value));
                return await views.SignedInAsync(account, cancellationToken);
            case SignInResult.ActivationRequired:
                audit.Record(AuditEvent.Record(AuditTypes.SignInActivationRequired, now, account.Id.Value, account.EstablishmentId.Value));
                return new AuthResult(AuthOutcome.ActivationRequired, account.Identifier.Value);
            default:
                audit.Record(AuditEvent.Record(AuditTypes.SignInFailed, now, account.Id.Value, account.EstablishmentId.Value));
                return AuthResult.Failed;
        }
    }
}
